import type { Pair } from './Pair.ts';
import type { HttpRateSource, SourceQuote } from './RateSource.ts';
import { assertSourceConfig } from './assertSourceConfig.ts';
import type { AssertSourceConfigErrorType } from './assertSourceConfig.ts';
import { MalformedResponseError, SourceReportedError } from './errors.ts';
import { parseJsonBody } from './parseJsonBody.ts';
import { readDecimalRate } from './readDecimalRate.ts';
import { readField } from './readField.ts';
import { requireSupportedPair } from './requireSupportedPair.ts';

export type CreateBinanceSourceParameters = {
  id?: string;
  /** Binance's own markets; the symbol is base and quote run together (`ETH/USDT` → `ETHUSDT`). */
  pairs?: readonly Pair[];
  /**
   * Binance quotes in stablecoins, not USD. `{ USDT: 'USD' }` lets it answer `ETH/USD` from
   * `ETHUSDT`, and every such quote says so in `assumptions`. Off unless configured: a depeg
   * would otherwise pass for a price move.
   */
  equivalences?: Readonly<Record<string, string>>;
  baseUrl?: string;
};
export type CreateBinanceSourceReturnType = HttpRateSource;
export type CreateBinanceSourceErrorType = AssertSourceConfigErrorType;

export const defaultBinancePairs: readonly Pair[] = [
  'ETH/USDT',
  'ETH/USDC',
  'ETH/EUR',
  'USDC/USDT',
  'EUR/USDT',
  'EUR/USDC',
];

/**
 * Binance's public symbol price ticker, `GET /api/v3/ticker/price?symbol=ETHUSDT`, answering
 * `{"symbol":"ETHUSDT","price":"3381.20000000"}`; errors as `{"code":-1121,"msg":"Invalid symbol."}`
 * (with HTTP 400). No timestamp, so a quote is as old as its fetch.
 */
export function createBinanceSource({
  id = 'binance',
  pairs = defaultBinancePairs,
  equivalences = {},
  baseUrl = 'https://api.binance.com',
}: CreateBinanceSourceParameters = {}): CreateBinanceSourceReturnType {
  assertSourceConfig({ id, pairs, equivalences });
  const ownPairs = [...pairs];

  function symbolOf(pair: Pair): string {
    const { base, quote } = requireSupportedPair({ source: id, pairs: ownPairs, pair });
    return `${base}${quote}`;
  }

  return {
    kind: 'http',
    id,
    pairs: ownPairs,
    equivalences: { ...equivalences },
    buildRequest(pair) {
      return {
        url: `${baseUrl}/api/v3/ticker/price?symbol=${symbolOf(pair)}`,
        headers: { accept: 'application/json' },
      };
    },
    parseResponse(pair, body, fetchedAt): SourceQuote {
      const symbol = symbolOf(pair);
      const context = { source: id, pair };
      const json = parseJsonBody({ ...context, body });
      if (Object.hasOwn(json, 'code') || Object.hasOwn(json, 'msg')) {
        const code = typeof json.code === 'number' ? json.code : '?';
        const message = typeof json.msg === 'string' ? json.msg : '';
        throw new SourceReportedError({ ...context, messages: [`${code}: ${message}`] });
      }
      const answered = readField({
        ...context,
        from: json,
        key: 'symbol',
        path: 'symbol',
        kind: 'string',
      });
      if (answered !== symbol) {
        throw new MalformedResponseError({
          ...context,
          reason: `symbol is ${answered}, not ${symbol}`,
        });
      }
      const text = readField({
        ...context,
        from: json,
        key: 'price',
        path: 'price',
        kind: 'string',
      });
      const rate = readDecimalRate({ ...context, text, path: 'price' });
      return {
        source: id,
        pair,
        rate,
        observedAt: fetchedAt,
        fetchedAt,
        via: [pair],
        assumptions: [],
      };
    },
  };
}

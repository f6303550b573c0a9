import type { Pair } from './Pair.ts';
import type { HttpRateSource, SourceQuote } from './RateSource.ts';
import { assertSourceConfig } from './assertSourceConfig.ts';
import type { AssertSourceConfigErrorType } from './assertSourceConfig.ts';
import { MalformedResponseError, SourceReportedError } from './errors.ts';
import { parseJsonBody } from './parseJsonBody.ts';
import { readDecimalRate } from './readDecimalRate.ts';
import { readField } from './readField.ts';
import { requireSupportedPair } from './requireSupportedPair.ts';

export type CreateCoinbaseSourceParameters = {
  id?: string;
  /**
   * `exchange-rates` (default): `GET /v2/exchange-rates?currency=ETH`, every rate of one base,
   * fiat bases included. `spot`: `GET /v2/prices/ETH-USD/spot`, one pair, crypto bases only.
   * Both are Coinbase: configure one of them per pair, never both (they are not independent).
   */
  endpoint?: 'exchange-rates' | 'spot';
  pairs?: readonly Pair[];
  equivalences?: Readonly<Record<string, string>>;
  baseUrl?: string;
};
export type CreateCoinbaseSourceReturnType = HttpRateSource;
export type CreateCoinbaseSourceErrorType = AssertSourceConfigErrorType;

export const defaultCoinbasePairs: readonly Pair[] = [
  'ETH/USD',
  'ETH/EUR',
  'USDC/USD',
  'USDC/EUR',
  'EURC/USD',
  'DAI/USD',
  'EUR/USD',
];

/**
 * Coinbase's public data API (no key). Answers look like
 * `{"data":{"currency":"ETH","rates":{"USD":"3380.485",…}}}` or
 * `{"data":{"amount":"3380.485","base":"ETH","currency":"USD"}}`; errors like
 * `{"errors":[{"id":"not_found","message":"Invalid currency"}]}`. Neither carries a timestamp, so
 * a quote is as old as its fetch.
 */
export function createCoinbaseSource({
  id = 'coinbase',
  endpoint = 'exchange-rates',
  pairs = defaultCoinbasePairs,
  equivalences = {},
  baseUrl = 'https://api.coinbase.com',
}: CreateCoinbaseSourceParameters = {}): CreateCoinbaseSourceReturnType {
  assertSourceConfig({ id, pairs, equivalences });
  const ownPairs = [...pairs];
  return {
    kind: 'http',
    id,
    pairs: ownPairs,
    equivalences: { ...equivalences },
    buildRequest(pair) {
      const { base, quote } = requireSupportedPair({ source: id, pairs: ownPairs, pair });
      const url =
        endpoint === 'spot'
          ? `${baseUrl}/v2/prices/${base}-${quote}/spot`
          : `${baseUrl}/v2/exchange-rates?currency=${base}`;
      return { url, headers: { accept: 'application/json' } };
    },
    parseResponse(pair, body, fetchedAt): SourceQuote {
      const { base, quote } = requireSupportedPair({ source: id, pairs: ownPairs, pair });
      const context = { source: id, pair };
      const json = parseJsonBody({ ...context, body });
      if (Object.hasOwn(json, 'errors')) {
        const errors = readField({
          ...context,
          from: json,
          key: 'errors',
          path: 'errors',
          kind: 'array',
        });
        if (errors.length > 0) {
          throw new SourceReportedError({
            ...context,
            messages: errors.map(describeCoinbaseError),
          });
        }
      }
      const data = readField({ ...context, from: json, key: 'data', path: 'data', kind: 'object' });
      let text: string;
      let path: string;
      if (endpoint === 'spot') {
        expectSymbol(context, data, 'base', base);
        expectSymbol(context, data, 'currency', quote);
        path = 'data.amount';
        text = readField({ ...context, from: data, key: 'amount', path, kind: 'string' });
      } else {
        expectSymbol(context, data, 'currency', base);
        const rates = readField({
          ...context,
          from: data,
          key: 'rates',
          path: 'data.rates',
          kind: 'object',
        });
        path = `data.rates.${quote}`;
        text = readField({ ...context, from: rates, key: quote, path, kind: 'string' });
      }
      const rate = readDecimalRate({ ...context, text, path });
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

function expectSymbol(
  context: { source: string; pair: Pair },
  data: Readonly<Record<string, unknown>>,
  key: string,
  expected: string,
): void {
  const path = `data.${key}`;
  const received = readField({ ...context, from: data, key, path, kind: 'string' });
  if (received !== expected) {
    throw new MalformedResponseError({
      ...context,
      reason: `${path} is ${received}, not ${expected}`,
    });
  }
}

function describeCoinbaseError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { id, message } = error as { id?: unknown; message?: unknown };
  return `${typeof id === 'string' ? id : 'error'}: ${typeof message === 'string' ? message : ''}`;
}

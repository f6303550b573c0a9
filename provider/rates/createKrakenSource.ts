import type { Pair } from './Pair.ts';
import type { HttpRateSource, SourceQuote } from './RateSource.ts';
import { assertSourceConfig } from './assertSourceConfig.ts';
import type { AssertSourceConfigErrorType } from './assertSourceConfig.ts';
import { InvalidRatesInputError, SourceReportedError } from './errors.ts';
import { parseJsonBody } from './parseJsonBody.ts';
import { readDecimalRate } from './readDecimalRate.ts';
import { readField } from './readField.ts';
import { requireSupportedPair } from './requireSupportedPair.ts';

export type CreateKrakenSourceParameters = {
  id?: string;
  /** Our pair → Kraken's pair name, which is also the key of its answer (`XETHZUSD`). */
  markets?: Readonly<Partial<Record<Pair, string>>>;
  equivalences?: Readonly<Record<string, string>>;
  baseUrl?: string;
};
export type CreateKrakenSourceReturnType = HttpRateSource;
export type CreateKrakenSourceErrorType = AssertSourceConfigErrorType;

/** Kraken names classic assets with X (crypto) and Z (fiat) prefixes; newer ones without. */
export const defaultKrakenMarkets: Readonly<Partial<Record<Pair, string>>> = {
  'ETH/USD': 'XETHZUSD',
  'ETH/EUR': 'XETHZEUR',
  'USDC/USD': 'USDCUSD',
  'USDC/EUR': 'USDCEUR',
  'USDT/USD': 'USDTZUSD',
  'DAI/USD': 'DAIUSD',
  'EUR/USD': 'ZEURZUSD',
};

const marketPattern = /^[A-Z0-9.]{4,20}$/;

/**
 * Kraken's public ticker, `GET /0/public/Ticker?pair=XETHZUSD`. Always HTTP 200: failures come as
 * `{"error":["EQuery:Unknown asset pair"]}`; success as `{"error":[],"result":{"XETHZUSD":{…}}}`,
 * keyed by Kraken's full pair name, where `c` is the last trade `[price, lot volume]`. No timestamp,
 * so a quote is as old as its fetch.
 */
export function createKrakenSource({
  id = 'kraken',
  markets = defaultKrakenMarkets,
  equivalences = {},
  baseUrl = 'https://api.kraken.com',
}: CreateKrakenSourceParameters = {}): CreateKrakenSourceReturnType {
  const ownMarkets = new Map<Pair, string>();
  for (const [pair, market] of Object.entries(markets) as [Pair, string | undefined][]) {
    if (market === undefined) continue;
    if (!marketPattern.test(market)) {
      throw new InvalidRatesInputError({
        field: `${id} markets`,
        reason: 'not a Kraken pair name',
        received: market,
      });
    }
    ownMarkets.set(pair, market);
  }
  const pairs = [...ownMarkets.keys()];
  assertSourceConfig({ id, pairs, equivalences });

  function marketOf(pair: Pair): string {
    requireSupportedPair({ source: id, pairs, pair });
    const market = ownMarkets.get(pair);
    if (market === undefined) throw new Error('unreachable: every listed pair has a market');
    return market;
  }

  return {
    kind: 'http',
    id,
    pairs,
    equivalences: { ...equivalences },
    buildRequest(pair) {
      const market = marketOf(pair);
      return {
        url: `${baseUrl}/0/public/Ticker?pair=${encodeURIComponent(market)}`,
        headers: { accept: 'application/json' },
      };
    },
    parseResponse(pair, body, fetchedAt): SourceQuote {
      const market = marketOf(pair);
      const context = { source: id, pair };
      const json = parseJsonBody({ ...context, body });
      const errors = readField({
        ...context,
        from: json,
        key: 'error',
        path: 'error',
        kind: 'array',
      });
      if (errors.length > 0) {
        throw new SourceReportedError({
          ...context,
          messages: errors.map((error) => String(error)),
        });
      }
      const result = readField({
        ...context,
        from: json,
        key: 'result',
        path: 'result',
        kind: 'object',
      });
      const prefix = `result.${market}`;
      const ticker = readField({
        ...context,
        from: result,
        key: market,
        path: prefix,
        kind: 'object',
      });
      const lastTrade = readField({
        ...context,
        from: ticker,
        key: 'c',
        path: `${prefix}.c`,
        kind: 'array',
      });
      const path = `${prefix}.c[0]`;
      const text = readField({ ...context, from: lastTrade, key: 0, path, kind: 'string' });
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

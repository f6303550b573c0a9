import type { Rate } from '../../shared/money/Rate.ts';
import { parseRate } from '../../shared/money/parseRate.ts';
import type { Pair } from './Pair.ts';
import type { FixedRateSource, SourceQuote } from './RateSource.ts';
import { assertSourceConfig } from './assertSourceConfig.ts';
import type { AssertSourceConfigErrorType } from './assertSourceConfig.ts';
import { InvalidRatesInputError } from './errors.ts';
import { multiplyRates } from './multiplyRates.ts';
import { requireSupportedPair } from './requireSupportedPair.ts';

export type CreateLocalSourceParameters = {
  id?: string;
  /** Fixed rates as decimal strings, like `{ 'ETH/USD': '3000' }`. */
  rates: Readonly<Partial<Record<Pair, string>>>;
  /**
   * Moves every rate by this many basis points (`50n` = +0.5%, `-200n` = −2%): a deliberately
   * wrong source, to see the aggregator reject it. Above −10000 (a rate stays positive).
   */
  skewBasisPoints?: bigint;
  equivalences?: Readonly<Record<string, string>>;
};
export type CreateLocalSourceReturnType = FixedRateSource;
export type CreateLocalSourceErrorType = AssertSourceConfigErrorType;

/**
 * Rates from configuration, for the local stack and tests: no network, no account, and the same
 * answer every time (its quotes are as fresh as the moment they are asked for).
 */
export function createLocalSource({
  id = 'local',
  rates,
  skewBasisPoints = 0n,
  equivalences = {},
}: CreateLocalSourceParameters): CreateLocalSourceReturnType {
  if (typeof skewBasisPoints !== 'bigint' || skewBasisPoints <= -10_000n) {
    throw new InvalidRatesInputError({
      field: `${id} skewBasisPoints`,
      reason: 'expected a bigint above -10000',
      received: skewBasisPoints,
    });
  }
  const skew: Rate = { numerator: 10_000n + skewBasisPoints, denominator: 10_000n };
  const fixed = new Map<Pair, Rate>();
  for (const [pair, text] of Object.entries(rates) as [Pair, string | undefined][]) {
    if (text === undefined) continue;
    try {
      fixed.set(pair, multiplyRates(parseRate(text), skew));
    } catch (cause) {
      throw new InvalidRatesInputError({
        field: `${id} rates ${pair}`,
        reason: 'not a positive decimal',
        received: text,
        cause,
      });
    }
  }
  const pairs = [...fixed.keys()];
  assertSourceConfig({ id, pairs, equivalences });
  return {
    kind: 'fixed',
    id,
    pairs,
    equivalences: { ...equivalences },
    quote(pair, at): SourceQuote {
      requireSupportedPair({ source: id, pairs, pair });
      const rate = fixed.get(pair);
      if (rate === undefined) throw new Error('unreachable: every listed pair has a rate');
      return {
        source: id,
        pair,
        rate,
        observedAt: at,
        fetchedAt: at,
        via: [pair],
        assumptions: [],
      };
    },
  };
}

import type { Rate } from '../../shared/money/Rate.ts';
import type { AssertRateErrorType } from '../../shared/money/assertRate.ts';
import { compareRates } from './compareRates.ts';
import { InvalidRatesInputError } from './errors.ts';
import { reduceRate } from './reduceRate.ts';

export type MedianRateReturnType = Rate;
export type MedianRateErrorType = AssertRateErrorType | InvalidRatesInputError;

/**
 * The median, exactly and in lowest terms: the middle rate of an odd count, the mean of the two
 * middle rates of an even count ((a/b + c/d) / 2 = (ad + cb) / 2bd).
 */
export function medianRate(rates: readonly Rate[]): MedianRateReturnType {
  if (rates.length === 0) {
    throw new InvalidRatesInputError({
      field: 'rates',
      reason: 'the median of nothing is undefined',
    });
  }
  const sorted = [...rates].sort(compareRates);
  const upper = sorted[Math.floor(sorted.length / 2)];
  const lower = sorted[Math.floor((sorted.length - 1) / 2)];
  if (upper === undefined || lower === undefined) throw new Error('unreachable: index in range');
  if (upper === lower) return reduceRate(upper);
  return reduceRate({
    numerator: lower.numerator * upper.denominator + upper.numerator * lower.denominator,
    denominator: 2n * lower.denominator * upper.denominator,
  });
}

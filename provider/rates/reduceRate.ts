import type { Rate } from '../../shared/money/Rate.ts';
import { assertRate } from '../../shared/money/assertRate.ts';
import type { AssertRateErrorType } from '../../shared/money/assertRate.ts';

export type ReduceRateReturnType = Rate;
export type ReduceRateErrorType = AssertRateErrorType;

/** The same rate in lowest terms (6/4 → 3/2), so products and means stay small and comparable. */
export function reduceRate(rate: Rate): ReduceRateReturnType {
  assertRate(rate);
  let a = rate.numerator;
  let b = rate.denominator;
  while (b !== 0n) [a, b] = [b, a % b];
  return { numerator: rate.numerator / a, denominator: rate.denominator / a };
}

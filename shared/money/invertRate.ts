import type { Rate } from './Rate.ts';
import { assertRate } from './assertRate.ts';
import type { AssertRateErrorType } from './assertRate.ts';

export type InvertRateReturnType = Rate;
export type InvertRateErrorType = AssertRateErrorType;

/**
 * The rate the other way round, exactly: ETH→USD 3456.78 gives USD→ETH 100/345678, which no
 * decimal string could hold.
 */
export function invertRate(rate: Rate): InvertRateReturnType {
  assertRate(rate);
  return { numerator: rate.denominator, denominator: rate.numerator };
}

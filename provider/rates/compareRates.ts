import type { Rate } from '../../shared/money/Rate.ts';
import { assertRate } from '../../shared/money/assertRate.ts';
import type { AssertRateErrorType } from '../../shared/money/assertRate.ts';

export type CompareRatesReturnType = -1 | 0 | 1;
export type CompareRatesErrorType = AssertRateErrorType;

/** Orders two rates exactly (for `Array.prototype.sort`): 3/2 and 6/4 compare equal. */
export function compareRates(first: Rate, second: Rate): CompareRatesReturnType {
  assertRate(first);
  assertRate(second);
  const left = first.numerator * second.denominator;
  const right = second.numerator * first.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

import type { Rate } from '../../shared/money/Rate.ts';
import type { AssertRateErrorType } from '../../shared/money/assertRate.ts';
import { reduceRate } from './reduceRate.ts';

export type MultiplyRatesReturnType = Rate;
export type MultiplyRatesErrorType = AssertRateErrorType;

/** A cross rate, exactly: ETH→EUR times EUR→USD is ETH→USD. Returned in lowest terms. */
export function multiplyRates(first: Rate, second: Rate): MultiplyRatesReturnType {
  const a = reduceRate(first);
  const b = reduceRate(second);
  return reduceRate({
    numerator: a.numerator * b.numerator,
    denominator: a.denominator * b.denominator,
  });
}

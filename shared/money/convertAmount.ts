import { maxAmount } from './Asset.ts';
import type { Asset } from './Asset.ts';
import type { Rate } from './Rate.ts';
import { assertAmount } from './assertAmount.ts';
import type { AssertAmountErrorType } from './assertAmount.ts';
import { assertAsset } from './assertAsset.ts';
import type { AssertAssetErrorType } from './assertAsset.ts';
import { assertRate } from './assertRate.ts';
import type { AssertRateErrorType } from './assertRate.ts';
import { divideRounded } from './divideRounded.ts';
import { AmountOverflowError, InvalidRoundingError } from './errors.ts';

export type ConvertAmountParameters = {
  /** Base units of `from`. */
  value: bigint;
  from: Asset;
  to: Asset;
  /** One whole `from` is worth `rate` whole `to`. */
  rate: Rate;
  /**
   * Which way to round when the result falls between two base units of `to`; never omitted.
   * - Quote (price → amount the shopper pays): 'up', so the merchant gets at least the price,
   *   and at most one base unit more.
   * - Spend measured against a cap: 'up', so a spend never counts for less than it is.
   * - Cap turned into an amount that may be spent: 'down', so the cap is never exceeded.
   */
  rounding: 'up' | 'down';
};
export type ConvertAmountReturnType = bigint;
export type ConvertAmountErrorType =
  | AssertAssetErrorType
  | AssertAmountErrorType
  | AssertRateErrorType
  | InvalidRoundingError
  | AmountOverflowError;

const roundings = ['up', 'down'] as const;

/**
 * value · rate in base units of `to`, computed exactly and rounded once:
 * value · numerator · 10^to.decimals / (denominator · 10^from.decimals).
 */
export function convertAmount({
  value,
  from,
  to,
  rate,
  rounding,
}: ConvertAmountParameters): ConvertAmountReturnType {
  assertAsset(from);
  assertAsset(to);
  assertAmount(value, from);
  assertRate(rate);
  if (!roundings.includes(rounding))
    throw new InvalidRoundingError({ rounding, allowed: roundings });
  const numerator = value * rate.numerator * 10n ** BigInt(to.decimals);
  const denominator = rate.denominator * 10n ** BigInt(from.decimals);
  const result = divideRounded(numerator, denominator, rounding);
  if (result > maxAmount) throw new AmountOverflowError({ amount: result, asset: to });
  return result;
}

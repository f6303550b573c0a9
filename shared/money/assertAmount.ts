import { maxAmount } from './Asset.ts';
import type { Asset } from './Asset.ts';
import { AmountOverflowError, InvalidAmountError } from './errors.ts';

export type AssertAmountErrorType = InvalidAmountError | AmountOverflowError;

/** An amount is a bigint of base units from 0 to 2^256 - 1: never negative, never a number. */
export function assertAmount(value: unknown, asset: Asset): asserts value is bigint {
  if (typeof value !== 'bigint' || value < 0n) throw new InvalidAmountError({ value, asset });
  if (value > maxAmount) throw new AmountOverflowError({ amount: value, asset });
}

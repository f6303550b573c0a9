import { maxAmount } from './Asset.ts';
import type { Asset } from './Asset.ts';
import { assertAsset } from './assertAsset.ts';
import type { AssertAssetErrorType } from './assertAsset.ts';
import { AmountOverflowError, InvalidAmountFormatError, TooManyDecimalsError } from './errors.ts';

export type ParseAmountReturnType = bigint;
export type ParseAmountErrorType =
  AssertAssetErrorType | InvalidAmountFormatError | TooManyDecimalsError | AmountOverflowError;

/** ASCII digits, optionally one "." followed by more digits. `$` (no `m` flag) ends the input. */
const decimalPattern = /^([0-9]+)(?:\.([0-9]+))?$/;
/** No valid amount needs more (78 + 1 + 77 characters) unless padded with zeros; caps the work. */
const maxInputLength = 256;

/**
 * Reads a decimal string ("12.34") as base units of `asset` (1234n for EUR). Strict on purpose,
 * since it reads what people typed and what other systems sent: no sign, exponent, spaces,
 * grouping or locale digits, and never more fraction digits than the asset has (no silent
 * rounding, not even of trailing zeros).
 */
export function parseAmount(text: string, asset: Asset): ParseAmountReturnType {
  assertAsset(asset);
  const match =
    typeof text === 'string' && text.length <= maxInputLength && decimalPattern.exec(text);
  if (!match) throw new InvalidAmountFormatError({ input: text, asset });
  const [, integer = '', fraction = ''] = match;
  if (fraction.length > asset.decimals) throw new TooManyDecimalsError({ input: text, asset });
  const value = BigInt(integer + fraction.padEnd(asset.decimals, '0'));
  if (value > maxAmount) throw new AmountOverflowError({ amount: text, asset });
  return value;
}

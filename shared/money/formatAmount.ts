import type { Asset } from './Asset.ts';
import { assertAmount } from './assertAmount.ts';
import type { AssertAmountErrorType } from './assertAmount.ts';
import { assertAsset } from './assertAsset.ts';
import type { AssertAssetErrorType } from './assertAsset.ts';

export type FormatAmountReturnType = string;
export type FormatAmountErrorType = AssertAssetErrorType | AssertAmountErrorType;

/**
 * The canonical decimal string of an amount, for storage and APIs: 1234n EUR → "12.34",
 * 1200n EUR → "12". No grouping, no trailing fraction zeros, no exponent; `parseAmount` reads it
 * back to the same bigint. For people, use `formatAmountForDisplay`.
 */
export function formatAmount(value: bigint, asset: Asset): FormatAmountReturnType {
  assertAsset(asset);
  assertAmount(value, asset);
  const digits = value.toString().padStart(asset.decimals + 1, '0');
  const split = digits.length - asset.decimals;
  let end = digits.length;
  while (end > split && digits[end - 1] === '0') end -= 1;
  const integer = digits.slice(0, split);
  return end === split ? integer : `${integer}.${digits.slice(split, end)}`;
}

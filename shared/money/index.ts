export type { Asset, AssetKind } from './Asset.ts';
export { maxAmount, maxAssetDecimals } from './Asset.ts';
export type { Rate } from './Rate.ts';
export type { Rounding } from './divideRounded.ts';
export {
  AmountOverflowError,
  InvalidAmountError,
  InvalidAmountFormatError,
  InvalidAssetError,
  InvalidDisplayOptionsError,
  InvalidRateError,
  InvalidRoundingError,
  TooManyDecimalsError,
  UnknownCurrencyError,
} from './errors.ts';
export { assertAmount } from './assertAmount.ts';
export type { AssertAmountErrorType } from './assertAmount.ts';
export { assertAsset } from './assertAsset.ts';
export type { AssertAssetErrorType } from './assertAsset.ts';
export { assertRate } from './assertRate.ts';
export type { AssertRateErrorType } from './assertRate.ts';
export { convertAmount } from './convertAmount.ts';
export type {
  ConvertAmountErrorType,
  ConvertAmountParameters,
  ConvertAmountReturnType,
} from './convertAmount.ts';
export { fiatCurrency } from './fiatCurrency.ts';
export type { FiatCurrencyErrorType, FiatCurrencyReturnType } from './fiatCurrency.ts';
export { formatAmount } from './formatAmount.ts';
export type { FormatAmountErrorType, FormatAmountReturnType } from './formatAmount.ts';
export { formatAmountForDisplay } from './formatAmountForDisplay.ts';
export type {
  FormatAmountForDisplayErrorType,
  FormatAmountForDisplayParameters,
  FormatAmountForDisplayReturnType,
} from './formatAmountForDisplay.ts';
export { invertRate } from './invertRate.ts';
export type { InvertRateErrorType, InvertRateReturnType } from './invertRate.ts';
export { parseAmount } from './parseAmount.ts';
export type { ParseAmountErrorType, ParseAmountReturnType } from './parseAmount.ts';
export { parseRate } from './parseRate.ts';
export type { ParseRateErrorType, ParseRateReturnType } from './parseRate.ts';

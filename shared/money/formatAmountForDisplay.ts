import type { Asset } from './Asset.ts';
import { assertAmount } from './assertAmount.ts';
import type { AssertAmountErrorType } from './assertAmount.ts';
import { assertAsset } from './assertAsset.ts';
import type { AssertAssetErrorType } from './assertAsset.ts';
import { divideRounded } from './divideRounded.ts';
import type { Rounding } from './divideRounded.ts';
import { InvalidDisplayOptionsError, InvalidRoundingError } from './errors.ts';
import { formatAmount } from './formatAmount.ts';

export type FormatAmountForDisplayParameters = {
  /** A BCP 47 tag (`de-DE`); digits, separators and the currency's place follow it. */
  locale: string;
  /** How a fiat currency is named (Intl's option); crypto always shows its symbol after the number. */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
} & (
  | { maximumFractionDigits?: undefined; rounding?: undefined }
  | {
      /** 0 to 20. Cutting digits is rounding, so `rounding` must say which way. */
      maximumFractionDigits: number;
      rounding: Rounding;
    }
);
export type FormatAmountForDisplayReturnType = string;
export type FormatAmountForDisplayErrorType =
  AssertAssetErrorType | AssertAmountErrorType | InvalidDisplayOptionsError | InvalidRoundingError;

/**
 * Older engines (Node 20's V8 among them) refuse more than 20 fraction digits. Without
 * `maximumFractionDigits`, the amount is shown exactly, except that an asset with more than 20
 * decimals is cut to 20 rounding down, so a display never shows more than there is.
 */
const maxFractionDigits = 20;
const roundings: readonly Rounding[] = ['down', 'up', 'halfUp'];
const currencyDisplays = ['symbol', 'narrowSymbol', 'code', 'name'];

/**
 * An amount for people, in their locale: "1.234,50 €", "$1,234.50", "￥1,235",
 * "1,234.5 USDC". Fiat shows its ISO minor units; crypto shows the digits it has, with no
 * trailing zeros. Rounding, if any, is done here on the bigint, so Intl never rounds (nor goes
 * through floating point: it receives the exact decimal string).
 */
export function formatAmountForDisplay(
  value: bigint,
  asset: Asset,
  options: FormatAmountForDisplayParameters,
): FormatAmountForDisplayReturnType {
  assertAsset(asset);
  assertAmount(value, asset);
  const { locale, currencyDisplay = 'symbol', maximumFractionDigits, rounding = 'down' } = options;
  if (
    maximumFractionDigits !== undefined &&
    !(
      Number.isInteger(maximumFractionDigits) &&
      maximumFractionDigits >= 0 &&
      maximumFractionDigits <= maxFractionDigits
    )
  ) {
    const expected = `an integer from 0 to ${maxFractionDigits}`;
    throw new InvalidDisplayOptionsError({
      option: 'maximumFractionDigits',
      expected,
      received: maximumFractionDigits,
    });
  }
  if (!roundings.includes(rounding)) {
    throw new InvalidRoundingError({ rounding, allowed: roundings });
  }
  if (!currencyDisplays.includes(currencyDisplay)) {
    const expected = currencyDisplays.join(', ');
    throw new InvalidDisplayOptionsError({
      option: 'currencyDisplay',
      expected: `one of ${expected}`,
      received: currencyDisplay,
    });
  }
  if (typeof locale !== 'string') {
    throw new InvalidDisplayOptionsError({
      option: 'locale',
      expected: 'a BCP 47 language tag',
      received: locale,
    });
  }

  const digits = Math.min(asset.decimals, maximumFractionDigits ?? maxFractionDigits);
  const shown = divideRounded(value, 10n ** BigInt(asset.decimals - digits), rounding);
  const exact = formatAmount(shown, { ...asset, decimals: digits }) as Intl.StringNumericLiteral;

  let numberFormat: Intl.NumberFormat;
  try {
    numberFormat = new Intl.NumberFormat(
      locale,
      asset.kind === 'fiat'
        ? {
            style: 'currency',
            currency: asset.symbol,
            currencyDisplay,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }
        : { minimumFractionDigits: 0, maximumFractionDigits: digits },
    );
  } catch (error) {
    throw new InvalidDisplayOptionsError({
      option: 'locale',
      expected: 'a BCP 47 language tag',
      received: locale,
      cause: error,
    });
  }
  const number = numberFormat.format(exact);
  // A no-break space keeps "1.5" and "USDC" on one line, as Intl does for currencies.
  return asset.kind === 'fiat' ? number : `${number}\u00a0${asset.symbol}`;
}

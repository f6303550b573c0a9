import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Asset } from './Asset.ts';
import { maxAmount } from './Asset.ts';
import { InvalidAmountError, InvalidDisplayOptionsError, InvalidRoundingError } from './errors.ts';
import { fiatCurrency } from './fiatCurrency.ts';
import { formatAmount } from './formatAmount.ts';
import { formatAmountForDisplay } from './formatAmountForDisplay.ts';

const nbsp = '\u00a0';
const rlm = '\u200f';
const usdc: Asset = { kind: 'crypto', symbol: 'USDC', decimals: 6 };
const dai: Asset = { kind: 'crypto', symbol: 'DAI', decimals: 18 };
const eth: Asset = { kind: 'crypto', symbol: 'ETH', decimals: 18 };

describe('formatAmountForDisplay', () => {
  it.each([
    [123450n, 'USD', 'en-US', '$1,234.50'],
    [123450n, 'EUR', 'de-DE', `1.234,50${nbsp}€`],
    [0n, 'EUR', 'de-DE', `0,00${nbsp}€`],
    [1234567n, 'JPY', 'ja-JP', '￥1,234,567'],
    [1234567n, 'KWD', 'ar-EG', `${rlm}١٬٢٣٤٫٥٦٧${nbsp}د.ك.${rlm}`],
  ])(
    'shows %s base units of %s in %s with the ISO minor units',
    (value, code, locale, expected) => {
      expect(formatAmountForDisplay(value, fiatCurrency(code), { locale })).toBe(expected);
    },
  );

  it('names a fiat currency as asked', () => {
    const usd = fiatCurrency('USD');
    expect(formatAmountForDisplay(123450n, usd, { locale: 'en-US', currencyDisplay: 'code' })).toBe(
      `USD${nbsp}1,234.50`,
    );
    expect(formatAmountForDisplay(123450n, usd, { locale: 'en-US', currencyDisplay: 'name' })).toBe(
      '1,234.50 US dollars',
    );
  });

  it.each([
    ['en-US', `1,234.5${nbsp}USDC`],
    ['de-DE', `1.234,5${nbsp}USDC`],
    ['ar-EG', `١٬٢٣٤٫٥${nbsp}USDC`],
  ])('shows a crypto amount in %s with its symbol and no trailing zeros', (locale, expected) => {
    expect(formatAmountForDisplay(1_234_500_000n, usdc, { locale })).toBe(expected);
  });

  it('shows all 18 decimals and huge amounts exactly, never through floating point', () => {
    expect(
      formatAmountForDisplay(123_456_789_012_345_678_901_234_567n, dai, { locale: 'en-US' }),
    ).toBe(`123,456,789.012345678901234567${nbsp}DAI`);
    expect(formatAmountForDisplay(maxAmount, dai, { locale: 'en-US' })).toBe(
      '115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457' +
        `.584007913129639935${nbsp}DAI`,
    );
  });

  it('is exact for any amount of an asset with up to 20 decimals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: maxAmount }),
        fc.integer({ min: 0, max: 20 }),
        (value, decimals) => {
          const asset: Asset = { kind: 'crypto', symbol: 'TKN', decimals };
          const shown = formatAmountForDisplay(value, asset, { locale: 'en-US' });
          expect(shown.replaceAll(',', '')).toBe(`${formatAmount(value, asset)}${nbsp}TKN`);
        },
      ),
    );
  });

  it('cuts an asset with more than 20 decimals to 20, rounding down', () => {
    const fine: Asset = { kind: 'crypto', symbol: 'FINE', decimals: 30 };
    expect(
      formatAmountForDisplay(1_999_999_999_999_999_999_999_999_999_999n, fine, { locale: 'en-US' }),
    ).toBe(`1.99999999999999999999${nbsp}FINE`);
  });

  it.each([
    ['down', '1.23', '1.23'],
    ['up', '1.24', '1.24'],
    ['halfUp', '1.23', '1.24'],
  ] as const)(
    'rounds %s when told to cut digits: 1.234567 → %s, 1.235 → %s',
    (rounding, below, tie) => {
      const options = { locale: 'en-US', maximumFractionDigits: 2, rounding };
      expect(formatAmountForDisplay(1_234_567_000_000_000_000n, eth, options)).toBe(
        `${below}${nbsp}ETH`,
      );
      expect(formatAmountForDisplay(1_235_000_000_000_000_000n, eth, options)).toBe(
        `${tie}${nbsp}ETH`,
      );
    },
  );

  it('shows a fiat amount with fewer digits than its minor units when told, rounding as asked', () => {
    const usd = fiatCurrency('USD');
    expect(
      formatAmountForDisplay(123456n, usd, {
        locale: 'en-US',
        maximumFractionDigits: 0,
        rounding: 'down',
      }),
    ).toBe('$1,234');
    expect(
      formatAmountForDisplay(123401n, usd, {
        locale: 'en-US',
        maximumFractionDigits: 0,
        rounding: 'up',
      }),
    ).toBe('$1,235');
  });

  it('never shows more fraction digits than the asset has', () => {
    expect(
      formatAmountForDisplay(150n, fiatCurrency('EUR'), {
        locale: 'en-US',
        maximumFractionDigits: 6,
        rounding: 'down',
      }),
    ).toBe('€1.50');
  });

  it.each([21, -1, 1.5, Number.NaN])(
    'refuses maximumFractionDigits %s',
    (maximumFractionDigits) => {
      expect(() =>
        formatAmountForDisplay(1n, usdc, {
          locale: 'en-US',
          maximumFractionDigits,
          rounding: 'down',
        }),
      ).toThrow(InvalidDisplayOptionsError);
    },
  );

  it('refuses a rounding it does not know', () => {
    const options = { locale: 'en-US', maximumFractionDigits: 2, rounding: 'nearest' as 'up' };
    expect(() => formatAmountForDisplay(1n, usdc, options)).toThrow(InvalidRoundingError);
  });

  it('refuses a malformed locale, keeping Intl’s error as the cause', () => {
    const display = () => formatAmountForDisplay(1n, usdc, { locale: 'en_US' });
    expect(display).toThrow(InvalidDisplayOptionsError);
    expect(display).toThrow(
      expect.objectContaining({
        code: 'amount/invalid-display-options',
        details: { option: 'locale', expected: 'a BCP 47 language tag', received: 'en_US' },
      }),
    );
    expect.assertions(3);
    try {
      display();
    } catch (error) {
      expect((error as Error).cause).toBeInstanceOf(RangeError);
    }
  });

  it('refuses an unknown currencyDisplay and a locale that is not a string', () => {
    const currencyDisplay = 'emoji' as 'code';
    expect(() =>
      formatAmountForDisplay(1n, fiatCurrency('USD'), { locale: 'en-US', currencyDisplay }),
    ).toThrow(InvalidDisplayOptionsError);
    const locale = ['en-US'] as unknown as string;
    expect(() => formatAmountForDisplay(1n, usdc, { locale })).toThrow(InvalidDisplayOptionsError);
  });

  it('refuses negative amounts', () => {
    expect(() => formatAmountForDisplay(-1n, usdc, { locale: 'en-US' })).toThrow(
      InvalidAmountError,
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Asset } from './Asset.ts';
import { maxAmount } from './Asset.ts';
import { AmountOverflowError, InvalidAmountFormatError, TooManyDecimalsError } from './errors.ts';
import { fiatCurrency } from './fiatCurrency.ts';
import { formatAmount } from './formatAmount.ts';
import { parseAmount } from './parseAmount.ts';

const usdc: Asset = { kind: 'crypto', symbol: 'USDC', decimals: 6 };
const dai: Asset = { kind: 'crypto', symbol: 'DAI', decimals: 18 };

describe('parseAmount', () => {
  it.each([
    ['12.34', usdc, 12_340_000n],
    ['0.000001', usdc, 1n],
    ['0', usdc, 0n],
    ['007.5', usdc, 7_500_000n],
    ['1', dai, 10n ** 18n],
    ['1.000000000000000001', dai, 10n ** 18n + 1n],
    ['1500', fiatCurrency('JPY'), 1500n],
    ['1.234', fiatCurrency('KWD'), 1234n],
    ['19.99', fiatCurrency('EUR'), 1999n],
    ['0.0001', fiatCurrency('CLF'), 1n],
  ])('reads %s as base units', (text, asset, expected) => {
    expect(parseAmount(text, asset)).toBe(expected);
  });

  it('reads 2^256 - 1 base units, the largest amount', () => {
    expect(parseAmount(maxAmount.toString(), { ...usdc, decimals: 0 })).toBe(maxAmount);
    const withDecimals = `${maxAmount.toString().slice(0, -6)}.${maxAmount.toString().slice(-6)}`;
    expect(parseAmount(withDecimals, usdc)).toBe(maxAmount);
  });

  it.each([
    '',
    ' ',
    '1 ',
    ' 1',
    '1\n',
    '+1',
    '-1',
    '1e6',
    '1E6',
    '0x10',
    '.5',
    '5.',
    '1.2.3',
    '1,000',
    '1_000',
    '1 000',
    '1,5',
    'NaN',
    'Infinity',
    '-Infinity',
    'abc',
    '١٢',
    '１２',
    '12n',
  ])('refuses %j as an invalid format', (text) => {
    expect(() => parseAmount(text, usdc)).toThrow(InvalidAmountFormatError);
  });

  it.each([
    [12, '12'],
    [12n, '12'],
    [null, 'null'],
    [undefined, 'undefined'],
    [{}, '(object)'],
    [['1'], '(object)'],
  ])('refuses %s, which is not a string, naming what it got', (input, described) => {
    const parse = () => parseAmount(input as unknown as string, usdc);
    expect(parse).toThrow(InvalidAmountFormatError);
    expect(parse).toThrow(
      expect.objectContaining({
        code: 'amount/invalid-format',
        details: { input: described, symbol: 'USDC', decimals: 6 },
      }),
    );
  });

  it('refuses absurdly long input and echoes only its start in details', () => {
    const text = '0'.repeat(10_000) + '1';
    expect(() => parseAmount(text, usdc)).toThrow(
      expect.objectContaining({
        code: 'amount/invalid-format',
        details: { input: `${'0'.repeat(80)}… (10001 characters)`, symbol: 'USDC', decimals: 6 },
      }),
    );
  });

  it('refuses more fraction digits than the asset has, naming the limit', () => {
    const parse = () => parseAmount('1.0000001', usdc);
    expect(parse).toThrow(TooManyDecimalsError);
    expect(parse).toThrow(
      expect.objectContaining({
        code: 'amount/too-many-decimals',
        shortMessage: 'USDC allows at most 6 digits after the decimal point.',
        details: { input: '1.0000001', symbol: 'USDC', decimals: 6 },
      }),
    );
  });

  it('refuses even trailing zeros beyond the asset decimals (no silent rounding)', () => {
    expect(() => parseAmount('1.50', { ...usdc, decimals: 1 })).toThrow(TooManyDecimalsError);
    expect(() => parseAmount('100.0', fiatCurrency('JPY'))).toThrow(
      'JPY amounts are whole numbers: no digits after the decimal point.',
    );
  });

  it('refuses amounts above 2^256 - 1 base units', () => {
    const tooLarge = (maxAmount + 1n).toString();
    expect(() => parseAmount(tooLarge, { ...usdc, decimals: 0 })).toThrow(AmountOverflowError);
    expect(() => parseAmount(tooLarge, { ...usdc, decimals: 0 })).toThrow(
      expect.objectContaining({ code: 'amount/overflow' }),
    );
    expect(() => parseAmount('1' + '0'.repeat(72), usdc)).toThrow(AmountOverflowError);
  });

  it('checks the asset before reading', () => {
    expect(() => parseAmount('1', { kind: 'crypto', symbol: 'X', decimals: 78 })).toThrow(
      expect.objectContaining({ code: 'money/invalid-asset' }),
    );
  });

  it('reads back what formatAmount writes, for any amount and decimals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: maxAmount }),
        fc.integer({ min: 0, max: 36 }),
        (value, decimals) => {
          const asset: Asset = { kind: 'crypto', symbol: 'TKN', decimals };
          expect(parseAmount(formatAmount(value, asset), asset)).toBe(value);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes back the same text it read, for any canonical decimal string', () => {
    const canonical = fc
      .tuple(
        fc.integer({ min: 0, max: 36 }),
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.stringMatching(/^[0-9]{0,36}$/),
      )
      .map(([decimals, integer, rawFraction]) => {
        const fraction = rawFraction.slice(0, decimals).replace(/0+$/, '');
        return { decimals, text: fraction === '' ? `${integer}` : `${integer}.${fraction}` };
      });
    fc.assert(
      fc.property(canonical, ({ decimals, text }) => {
        const asset: Asset = { kind: 'crypto', symbol: 'TKN', decimals };
        expect(formatAmount(parseAmount(text, asset), asset)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

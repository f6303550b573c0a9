import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Asset } from './Asset.ts';
import { maxAmount } from './Asset.ts';
import { AmountOverflowError, InvalidAmountError } from './errors.ts';
import { fiatCurrency } from './fiatCurrency.ts';
import { formatAmount } from './formatAmount.ts';

const usdc: Asset = { kind: 'crypto', symbol: 'USDC', decimals: 6 };
const eth: Asset = { kind: 'crypto', symbol: 'ETH', decimals: 18 };

describe('formatAmount', () => {
  it.each([
    [12_340_000n, usdc, '12.34'],
    [1n, usdc, '0.000001'],
    [0n, usdc, '0'],
    [5_000_000n, usdc, '5'],
    [10n ** 18n, eth, '1'],
    [1n, eth, '0.000000000000000001'],
    [1_234_567_890_123_456_789n, eth, '1.234567890123456789'],
    [1500n, fiatCurrency('JPY'), '1500'],
    [1234n, fiatCurrency('KWD'), '1.234'],
    [1200n, fiatCurrency('EUR'), '12'],
    [1250n, fiatCurrency('EUR'), '12.5'],
    [maxAmount, { ...usdc, decimals: 0 }, maxAmount.toString()],
  ])('writes %s base units as canonical text', (value, asset, expected) => {
    expect(formatAmount(value, asset)).toBe(expected);
  });

  it('never writes grouping, exponents, signs or trailing fraction zeros', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: maxAmount }),
        fc.integer({ min: 0, max: 77 }),
        (value, decimals) => {
          const text = formatAmount(value, { kind: 'crypto', symbol: 'TKN', decimals });
          expect(text).toMatch(/^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/);
        },
      ),
    );
  });

  it('refuses negative amounts', () => {
    expect(() => formatAmount(-1n, usdc)).toThrow(InvalidAmountError);
    expect(() => formatAmount(-1n, usdc)).toThrow(
      expect.objectContaining({
        code: 'amount/invalid-value',
        details: { value: -1n, symbol: 'USDC' },
      }),
    );
  });

  it('refuses numbers: money is never a number', () => {
    expect(() => formatAmount(12.34 as unknown as bigint, usdc)).toThrow(InvalidAmountError);
  });

  it('refuses amounts above 2^256 - 1', () => {
    expect(() => formatAmount(maxAmount + 1n, usdc)).toThrow(AmountOverflowError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Asset } from './Asset.ts';
import { maxAmount } from './Asset.ts';
import { convertAmount } from './convertAmount.ts';
import {
  AmountOverflowError,
  InvalidAmountError,
  InvalidRateError,
  InvalidRoundingError,
} from './errors.ts';
import { fiatCurrency } from './fiatCurrency.ts';
import { invertRate } from './invertRate.ts';
import { parseAmount } from './parseAmount.ts';
import { parseRate } from './parseRate.ts';

const usd = fiatCurrency('USD');
const eur = fiatCurrency('EUR');
const usdc: Asset = { kind: 'crypto', symbol: 'USDC', decimals: 6 };
const dai: Asset = { kind: 'crypto', symbol: 'DAI', decimals: 18 };
const eth: Asset = { kind: 'crypto', symbol: 'ETH', decimals: 18 };

describe('convertAmount', () => {
  it('turns 100 USD into 100 USDC at par, exactly', () => {
    const value = parseAmount('100', usd);
    const rate = parseRate('1');
    expect(convertAmount({ value, from: usd, to: usdc, rate, rounding: 'up' })).toBe(100_000_000n);
    expect(convertAmount({ value, from: usd, to: usdc, rate, rounding: 'down' })).toBe(
      100_000_000n,
    );
  });

  it('rounds 19.99 EUR at 1.0834 (2165.7166 cents) to 21.65 or 21.66 USD as asked', () => {
    const value = parseAmount('19.99', eur);
    const rate = parseRate('1.0834');
    expect(convertAmount({ value, from: eur, to: usd, rate, rounding: 'down' })).toBe(2165n);
    expect(convertAmount({ value, from: eur, to: usd, rate, rounding: 'up' })).toBe(2166n);
  });

  it('quotes 19.99 USD in ETH at 3456.78 USD/ETH through the exact inverse rate', () => {
    const value = parseAmount('19.99', usd);
    const rate = invertRate(parseRate('3456.78'));
    // 1999e18 / 345678 = 5782838364026637.5…
    const quote = { value, from: usd, to: eth, rate };
    expect(convertAmount({ ...quote, rounding: 'up' })).toBe(578_283_836_402_663_8n);
    expect(convertAmount({ ...quote, rounding: 'down' })).toBe(578_283_836_402_663_7n);
  });

  it('handles 0, 3 and 18 decimals on either side', () => {
    const fromJpy = {
      value: 1500n,
      from: fiatCurrency('JPY'),
      to: usdc,
      rate: parseRate('0.0067'),
    };
    expect(convertAmount({ ...fromJpy, rounding: 'up' })).toBe(10_050_000n);
    const fromKwd = { value: 1234n, from: fiatCurrency('KWD'), to: usd, rate: parseRate('3.25') };
    expect(convertAmount({ ...fromKwd, rounding: 'down' })).toBe(401n);
    expect(convertAmount({ ...fromKwd, rounding: 'up' })).toBe(402n);
    const fromDai = {
      value: parseAmount('1.0000005', dai),
      from: dai,
      to: usdc,
      rate: parseRate('1'),
    };
    expect(convertAmount({ ...fromDai, rounding: 'down' })).toBe(1_000_000n);
    expect(convertAmount({ ...fromDai, rounding: 'up' })).toBe(1_000_001n);
  });

  it('refuses a rounding that is not up or down', () => {
    const parameters = { value: 1n, from: usd, to: usdc, rate: parseRate('1') };
    for (const rounding of ['halfUp', 'ceil', undefined]) {
      expect(() => convertAmount({ ...parameters, rounding: rounding as 'up' })).toThrow(
        InvalidRoundingError,
      );
    }
  });

  it('refuses negative amounts, bad rates and results above 2^256 - 1', () => {
    const rate = parseRate('1');
    expect(() => convertAmount({ value: -1n, from: usd, to: usdc, rate, rounding: 'up' })).toThrow(
      InvalidAmountError,
    );
    const zero = { numerator: 0n, denominator: 1n };
    expect(() =>
      convertAmount({ value: 1n, from: usd, to: usdc, rate: zero, rounding: 'up' }),
    ).toThrow(InvalidRateError);
    const huge = { value: maxAmount, from: usdc, to: dai, rate, rounding: 'down' } as const;
    expect(() => convertAmount(huge)).toThrow(AmountOverflowError);
  });

  describe('never rounds the wrong way', () => {
    const asset = (decimals: number): Asset => ({ kind: 'crypto', symbol: 'TKN', decimals });
    const conversion = fc.record({
      value: fc.bigInt({ min: 0n, max: 2n ** 128n }),
      fromDecimals: fc.integer({ min: 0, max: 36 }),
      toDecimals: fc.integer({ min: 0, max: 36 }),
      numerator: fc.bigInt({ min: 1n, max: 10n ** 30n }),
      denominator: fc.bigInt({ min: 1n, max: 10n ** 30n }),
    });

    it("'down' is at most the exact value and 'up' at least, each within one base unit", () => {
      fc.assert(
        fc.property(conversion, ({ value, fromDecimals, toDecimals, numerator, denominator }) => {
          const parameters = {
            value,
            from: asset(fromDecimals),
            to: asset(toDecimals),
            rate: { numerator, denominator },
          };
          // The exact result is N / D base units of `to`.
          const N = value * numerator * 10n ** BigInt(toDecimals);
          const D = denominator * 10n ** BigInt(fromDecimals);
          fc.pre(N <= maxAmount * D); // larger results are refused, as tested above
          const down = convertAmount({ ...parameters, rounding: 'down' });
          const up = convertAmount({ ...parameters, rounding: 'up' });
          expect(down * D <= N && N < (down + 1n) * D).toBe(true);
          expect((up - 1n) * D < N && N <= up * D).toBe(true);
          expect(up - down).toBe(N % D === 0n ? 0n : 1n);
        }),
        { numRuns: 1000 },
      );
    });

    it('a quote rounded up, valued back at the inverse rate rounding down, covers the price', () => {
      fc.assert(
        fc.property(conversion, ({ value, fromDecimals, toDecimals, numerator, denominator }) => {
          const from = asset(fromDecimals);
          const to = asset(toDecimals);
          const rate = { numerator, denominator };
          const N = value * numerator * 10n ** BigInt(toDecimals);
          fc.pre(N <= maxAmount * denominator * 10n ** BigInt(fromDecimals));
          const paid = convertAmount({ value, from, to, rate, rounding: 'up' });
          const back = convertAmount({
            value: paid,
            from: to,
            to: from,
            rate: invertRate(rate),
            rounding: 'down',
          });
          expect(back >= value).toBe(true);
        }),
        { numRuns: 1000 },
      );
    });
  });
});

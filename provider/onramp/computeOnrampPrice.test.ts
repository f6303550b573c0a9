import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Asset } from '../../shared/money/Asset.ts';
import { ApiError } from '../http/errors.ts';
import { computeOnrampPrice } from './computeOnrampPrice.ts';

const usd: Asset = { kind: 'fiat', symbol: 'USD', decimals: 2 };
const jpy: Asset = { kind: 'fiat', symbol: 'JPY', decimals: 0 };
const usdc: Asset = { kind: 'crypto', symbol: 'USDC', decimals: 6 };
const eth: Asset = { kind: 'crypto', symbol: 'ETH', decimals: 18 };
const oneToOne = { numerator: 1n, denominator: 1n };

describe('computeOnrampPrice', () => {
  test('from 25.00 USD at 1.5 % and 0.39 USD network fee: 24.24 USD of USDC', () => {
    expect(
      computeOnrampPrice({
        fiat: usd,
        asset: usdc,
        rate: oneToOne,
        adapterFeeBasisPoints: 150,
        networkFeeMinor: 39n,
        amount: { kind: 'fiat', fiatAmountMinor: 2500n },
      }),
    ).toEqual({
      fiatAmountMinor: 2500n,
      adapterFeeMinor: 38n, // ⌈37.5⌉
      networkFeeMinor: 39n,
      subtotalMinor: 2423n,
      cryptoAmount: 24_230_000n,
    });
  });

  test('for 12.34 USDC: the smallest fiat amount that leaves 12.34 after fees', () => {
    const price = computeOnrampPrice({
      fiat: usd,
      asset: usdc,
      rate: oneToOne,
      adapterFeeBasisPoints: 150,
      networkFeeMinor: 39n,
      amount: { kind: 'crypto', cryptoAmount: 12_340_000n },
    });
    // 1234 + 39 = 1273 needed; 1293 − ⌈19.395⌉ = 1273.
    expect(price).toEqual({
      fiatAmountMinor: 1293n,
      adapterFeeMinor: 20n,
      networkFeeMinor: 39n,
      subtotalMinor: 1234n,
      cryptoAmount: 12_340_000n,
    });
  });

  test('a crypto amount worth a fraction of a cent costs the next cent (rounded up)', () => {
    const price = computeOnrampPrice({
      fiat: usd,
      asset: eth,
      rate: { numerator: 3000n, denominator: 1n },
      adapterFeeBasisPoints: 0,
      networkFeeMinor: 0n,
      amount: { kind: 'crypto', cryptoAmount: 1n },
    });
    expect(price.subtotalMinor).toBe(1n);
    expect(price.fiatAmountMinor).toBe(1n);
  });

  test('an amount that does not cover the fees is refused, naming the field', () => {
    const call = () =>
      computeOnrampPrice({
        fiat: usd,
        asset: usdc,
        rate: oneToOne,
        adapterFeeBasisPoints: 150,
        networkFeeMinor: 39n,
        amount: { kind: 'fiat', fiatAmountMinor: 40n },
      });
    expect(call).toThrow(ApiError);
    expect(call).toThrow(/does not cover the fees/);
  });

  test('an amount that buys less than one base unit is refused', () => {
    expect(() =>
      computeOnrampPrice({
        fiat: jpy,
        asset: { kind: 'crypto', symbol: 'BIG', decimals: 0 },
        rate: { numerator: 1_000_000n, denominator: 1n },
        adapterFeeBasisPoints: 0,
        networkFeeMinor: 0n,
        amount: { kind: 'fiat', fiatAmountMinor: 999n },
      }),
    ).toThrow(/less than one base unit/);
  });

  test('a fee schedule out of range is a programming error', () => {
    expect(() =>
      computeOnrampPrice({
        fiat: usd,
        asset: usdc,
        rate: oneToOne,
        adapterFeeBasisPoints: 10_000,
        networkFeeMinor: 0n,
        amount: { kind: 'fiat', fiatAmountMinor: 100n },
      }),
    ).toThrow(RangeError);
  });

  const schedule = fc.record({
    basisPoints: fc.integer({ min: 0, max: 2000 }),
    networkFeeMinor: fc.bigInt({ min: 0n, max: 500n }),
    rateNumerator: fc.bigInt({ min: 1n, max: 10_000_000n }),
    rateDenominator: fc.bigInt({ min: 1n, max: 10_000_000n }),
  });

  test('from a fiat amount: parts add up, fees round up, crypto never exceeds the subtotal', () => {
    fc.assert(
      fc.property(schedule, fc.bigInt({ min: 1n, max: 10n ** 11n }), (s, fiatAmountMinor) => {
        const rate = { numerator: s.rateNumerator, denominator: s.rateDenominator };
        let price;
        try {
          price = computeOnrampPrice({
            fiat: usd,
            asset: usdc,
            rate,
            adapterFeeBasisPoints: s.basisPoints,
            networkFeeMinor: s.networkFeeMinor,
            amount: { kind: 'fiat', fiatAmountMinor },
          });
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          return;
        }
        expect(price.fiatAmountMinor).toBe(
          price.subtotalMinor + price.adapterFeeMinor + price.networkFeeMinor,
        );
        expect(price.adapterFeeMinor * 10_000n).toBeGreaterThanOrEqual(
          fiatAmountMinor * BigInt(s.basisPoints),
        );
        // crypto · rate ≤ subtotal, in the same units: base units · 10^2 · num ≤ minor · 10^6 · den
        expect(price.cryptoAmount * s.rateNumerator * 100n).toBeLessThanOrEqual(
          price.subtotalMinor * 1_000_000n * s.rateDenominator,
        );
      }),
    );
  });

  test('from a crypto amount: exactly that arrives, for the smallest fiat amount that covers it', () => {
    fc.assert(
      fc.property(schedule, fc.bigInt({ min: 1n, max: 10n ** 15n }), (s, cryptoAmount) => {
        const rate = { numerator: s.rateNumerator, denominator: s.rateDenominator };
        const price = computeOnrampPrice({
          fiat: usd,
          asset: usdc,
          rate,
          adapterFeeBasisPoints: s.basisPoints,
          networkFeeMinor: s.networkFeeMinor,
          amount: { kind: 'crypto', cryptoAmount },
        });
        expect(price.cryptoAmount).toBe(cryptoAmount);
        expect(price.fiatAmountMinor).toBe(
          price.subtotalMinor + price.adapterFeeMinor + price.networkFeeMinor,
        );
        const fee = (f: bigint) => (f * BigInt(s.basisPoints) + 9_999n) / 10_000n;
        expect(price.adapterFeeMinor).toBeGreaterThanOrEqual(fee(price.fiatAmountMinor));
        const smaller = price.fiatAmountMinor - 1n;
        expect(smaller - fee(smaller)).toBeLessThan(price.subtotalMinor + price.networkFeeMinor);
      }),
    );
  });
});

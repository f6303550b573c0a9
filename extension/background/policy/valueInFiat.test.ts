import { describe, expect, it } from 'vitest';
import { parseRate } from '../../../shared/money/parseRate.ts';
import type { PriceQuote, PriceSnapshot } from './PriceSnapshot.ts';
import { toAssetKey } from './toAssetKey.ts';
import { valueInFiat } from './valueInFiat.ts';

const usdc = { chainId: 1, asset: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' } as const;
const eth = { chainId: 1, asset: 'native' } as const;
const now = Date.parse('2026-03-01T12:00:00Z');

function snapshot(
  currency: string,
  quotes: [typeof usdc | typeof eth, PriceQuote][],
): PriceSnapshot {
  return { currency, quotes: new Map(quotes.map(([asset, quote]) => [toAssetKey(asset), quote])) };
}
const usdcQuote = (rate: string, observedAt = now): PriceQuote => ({
  rate: parseRate(rate),
  symbol: 'USDC',
  decimals: 6,
  observedAt,
  peg: 'USD',
});
const settings = { now, maxPriceAgeSeconds: 600, stablecoinToleranceBasisPoints: 100 };

describe('valueInFiat', () => {
  it('values ETH at the market price, rounding up to the next cent', () => {
    const prices = snapshot('EUR', [
      [eth, { rate: parseRate('3000.01'), symbol: 'ETH', decimals: 18, observedAt: now }],
    ]);
    // 0.001 ETH × 3000.01 = 3.00001 € → 3.01 €
    expect(
      valueInFiat({ asset: eth, amount: 10n ** 15n, currency: 'EUR', prices, ...settings }),
    ).toEqual({ status: 'priced', value: 301n, basis: 'market' });
  });

  it('values USDC at its peg while the market agrees within 1 %', () => {
    const prices = snapshot('USD', [[usdc, usdcQuote('0.995')]]);
    expect(
      valueInFiat({ asset: usdc, amount: 12_000_000n, currency: 'USD', prices, ...settings }),
    ).toEqual({ status: 'priced', value: 1200n, basis: 'peg' });
  });

  it('flags a depegged stablecoin and values it at the higher of peg and market', () => {
    const below = snapshot('USD', [[usdc, usdcQuote('0.95')]]);
    expect(
      valueInFiat({
        asset: usdc,
        amount: 10_000_000n,
        currency: 'USD',
        prices: below,
        ...settings,
      }),
    ).toEqual({ status: 'off-peg', value: 1000n });
    const above = snapshot('USD', [[usdc, usdcQuote('1.05')]]);
    expect(
      valueInFiat({
        asset: usdc,
        amount: 10_000_000n,
        currency: 'USD',
        prices: above,
        ...settings,
      }),
    ).toEqual({ status: 'off-peg', value: 1050n });
  });

  it('values a stablecoin at market when its peg is another currency than the caps', () => {
    const prices = snapshot('EUR', [[usdc, usdcQuote('0.92')]]);
    expect(
      valueInFiat({ asset: usdc, amount: 10_000_000n, currency: 'EUR', prices, ...settings }),
    ).toEqual({ status: 'priced', value: 920n, basis: 'market' });
  });

  it('refuses a price older than the maximum age, or from the future', () => {
    const old = snapshot('USD', [[usdc, usdcQuote('1', now - 601_000)]]);
    expect(
      valueInFiat({ asset: usdc, amount: 1n, currency: 'USD', prices: old, ...settings }),
    ).toEqual({ status: 'stale', observedAt: now - 601_000 });
    const future = snapshot('USD', [[usdc, usdcQuote('1', now + 3_600_000)]]);
    expect(
      valueInFiat({ asset: usdc, amount: 1n, currency: 'USD', prices: future, ...settings }).status,
    ).toBe('stale');
    const fresh = snapshot('USD', [[usdc, usdcQuote('1', now - 600_000)]]);
    expect(
      valueInFiat({ asset: usdc, amount: 1n, currency: 'USD', prices: fresh, ...settings }).status,
    ).toBe('priced');
  });

  it('has no price for an unknown asset or a snapshot in another currency', () => {
    const prices = snapshot('USD', [[usdc, usdcQuote('1')]]);
    expect(valueInFiat({ asset: eth, amount: 1n, currency: 'USD', prices, ...settings })).toEqual({
      status: 'missing',
    });
    expect(valueInFiat({ asset: usdc, amount: 1n, currency: 'EUR', prices, ...settings })).toEqual({
      status: 'missing',
    });
  });

  it('saturates an unlimited amount instead of failing', () => {
    const prices = snapshot('USD', [
      [
        eth,
        { rate: parseRate('100000000000000000000'), symbol: 'X', decimals: 0, observedAt: now },
      ],
    ]);
    const valuation = valueInFiat({
      asset: eth,
      amount: 2n ** 256n - 1n,
      currency: 'USD',
      prices,
      ...settings,
    });
    expect(valuation).toEqual({ status: 'priced', value: 2n ** 256n - 1n, basis: 'market' });
  });
});

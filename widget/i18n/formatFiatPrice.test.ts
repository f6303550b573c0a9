import { describe, expect, it } from 'vitest';
import { formatAssetAmount } from './formatAssetAmount.ts';
import { formatFiatPrice } from './formatFiatPrice.ts';

describe('formatFiatPrice', () => {
  it('formats minor units in the locale', () => {
    expect(formatFiatPrice('2400', 'EUR', 'en')).toBe('€24.00');
    expect(formatFiatPrice('2400', 'EUR', 'de')).toBe('24,00\u00a0€');
    expect(formatFiatPrice('2400', 'JPY', 'ja')).toBe('￥2,400');
  });

  it('still shows an unknown currency', () => {
    expect(formatFiatPrice('2400', 'ABC', 'en')).toBe('2400 ABC');
  });
});

describe('formatAssetAmount', () => {
  it('shows exact amounts with every digit', () => {
    expect(
      formatAssetAmount({ amount: 26_086_957n, symbol: 'USDC', decimals: 6, locale: 'en' }),
    ).toBe('26.086957\u00a0USDC');
  });

  it('rounds approximate amounts up to 6 digits', () => {
    const amount = 8_695_652_173_913_044n;
    expect(
      formatAssetAmount({ amount, symbol: 'ETH', decimals: 18, locale: 'de', isApproximate: true }),
    ).toBe('0,008696\u00a0ETH');
  });
});

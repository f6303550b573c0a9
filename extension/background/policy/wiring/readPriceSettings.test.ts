import { describe, expect, it } from 'vitest';
import { readPriceSettings } from './readPriceSettings.ts';

describe('readPriceSettings', () => {
  it('keeps a provider origin, decimal rates and a time', () => {
    expect(
      readPriceSettings({
        providerUrl: 'https://pay.example/v1/whatever',
        localRates: { 'ETH/EUR': '2500.5' },
        localRatesObservedAt: 1_700_000_000_000,
      }),
    ).toEqual({
      providerUrl: 'https://pay.example',
      localRates: { 'ETH/EUR': '2500.5' },
      localRatesObservedAt: 1_700_000_000_000,
    });
  });

  it('drops what it cannot trust instead of guessing', () => {
    expect(
      readPriceSettings({
        providerUrl: 'javascript:alert(1)',
        localRates: { 'ETH/EUR': '-1', 'USDC/EUR': 0.92 },
        localRatesObservedAt: 'yesterday',
      }),
    ).toEqual({ localRates: {} });
    expect(readPriceSettings('nonsense')).toEqual({});
  });
});

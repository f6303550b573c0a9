import { describe, expect, it } from 'vitest';
import { InvalidRatesInputError } from './errors.ts';
import { assertSourceConfig } from './assertSourceConfig.ts';

describe('assertSourceConfig', () => {
  it('accepts a well-formed source', () => {
    expect(() => {
      assertSourceConfig({
        id: 'binance-eu',
        pairs: ['ETH/USDT', 'EUR/USDT'],
        equivalences: { USDT: 'USD' },
      });
    }).not.toThrow();
  });

  it.each([
    ['an id in capitals', { id: 'Kraken', pairs: ['ETH/USD'], equivalences: {} }],
    ['an empty id', { id: '', pairs: ['ETH/USD'], equivalences: {} }],
    ['no pairs', { id: 'kraken', pairs: [], equivalences: {} }],
    ['a pair that is not one', { id: 'kraken', pairs: ['ETHUSD'], equivalences: {} }],
    ['a pair twice', { id: 'kraken', pairs: ['ETH/USD', 'ETH/USD'], equivalences: {} }],
    [
      'an equivalence in lower case',
      { id: 'kraken', pairs: ['ETH/USD'], equivalences: { usdt: 'USD' } },
    ],
    [
      'an equivalence to itself',
      { id: 'kraken', pairs: ['ETH/USD'], equivalences: { USD: 'USD' } },
    ],
    ['an equivalence to nothing', { id: 'kraken', pairs: ['ETH/USD'], equivalences: { USDT: 1 } }],
  ])('refuses %s', (_name, config) => {
    expect(() => {
      assertSourceConfig(config);
    }).toThrow(InvalidRatesInputError);
  });
});

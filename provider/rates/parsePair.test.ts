import { describe, expect, it } from 'vitest';
import { InvalidPairError } from './errors.ts';
import { parsePair } from './parsePair.ts';

describe('parsePair', () => {
  it.each([
    ['ETH/USD', 'ETH', 'USD'],
    ['USDC/EUR', 'USDC', 'EUR'],
    ['EURC/USDT', 'EURC', 'USDT'],
    ['1INCH/USD', '1INCH', 'USD'],
  ])('splits %s', (text, base, quote) => {
    expect(parsePair(text)).toEqual({ pair: text, base, quote });
  });

  it.each([
    'eth/usd',
    'ETH-USD',
    'ETHUSD',
    'ETH/',
    '/USD',
    'ETH/USD/EUR',
    ' ETH/USD',
    'ETH/ETH',
    'E/USD',
    42,
    null,
  ])('refuses %j', (text) => {
    expect(() => parsePair(text)).toThrow(InvalidPairError);
    expect(() => parsePair(text)).toThrow(expect.objectContaining({ code: 'rates/invalid-pair' }));
  });
});

import { describe, expect, it } from 'vitest';
import { UnsupportedPairError } from './errors.ts';
import { requireSupportedPair } from './requireSupportedPair.ts';

describe('requireSupportedPair', () => {
  it('splits a pair the source quotes', () => {
    expect(requireSupportedPair({ source: 'kraken', pairs: ['ETH/USD'], pair: 'ETH/USD' })).toEqual(
      {
        base: 'ETH',
        quote: 'USD',
      },
    );
  });

  it('refuses a pair the source does not quote itself, even its inverse', () => {
    expect(() =>
      requireSupportedPair({ source: 'kraken', pairs: ['ETH/USD'], pair: 'USD/ETH' }),
    ).toThrow(
      expect.objectContaining({
        code: 'rates/unsupported-pair',
        details: { source: 'kraken', pair: 'USD/ETH' },
      }),
    );
    expect(() => requireSupportedPair({ source: 'kraken', pairs: [], pair: 'ETH/USD' })).toThrow(
      UnsupportedPairError,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { InvalidRateError } from '../../shared/money/errors.ts';
import { multiplyRates } from './multiplyRates.ts';

describe('multiplyRates', () => {
  it('crosses ETH/USDT with USDT/EUR exactly', () => {
    // 3381.2 USDT per ETH, 1 / 1.0711 EUR per USDT
    const rate = multiplyRates(
      { numerator: 33812n, denominator: 10n },
      { numerator: 10000n, denominator: 10711n },
    );
    expect(rate).toEqual({ numerator: 33812000n, denominator: 10711n });
  });

  it('answers in lowest terms', () => {
    expect(
      multiplyRates({ numerator: 2n, denominator: 3n }, { numerator: 3n, denominator: 4n }),
    ).toEqual({
      numerator: 1n,
      denominator: 2n,
    });
  });

  it('refuses a rate that is not positive', () => {
    expect(() =>
      multiplyRates({ numerator: 1n, denominator: 1n }, { numerator: -1n, denominator: 1n }),
    ).toThrow(InvalidRateError);
  });
});

import { describe, expect, it } from 'vitest';
import { InvalidRateError } from './errors.ts';
import { invertRate } from './invertRate.ts';
import { parseRate } from './parseRate.ts';

describe('invertRate', () => {
  it('swaps numerator and denominator', () => {
    expect(invertRate(parseRate('3456.78'))).toEqual({ numerator: 100n, denominator: 345678n });
  });

  it('is its own inverse', () => {
    const rate = parseRate('1.0834');
    expect(invertRate(invertRate(rate))).toEqual(rate);
  });

  it('refuses a zero rate, which has no inverse', () => {
    expect(() => invertRate({ numerator: 0n, denominator: 1n })).toThrow(InvalidRateError);
  });
});

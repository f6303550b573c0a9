import { describe, expect, it } from 'vitest';
import { InvalidRateError } from '../../shared/money/errors.ts';
import { compareRates } from './compareRates.ts';

describe('compareRates', () => {
  it('orders by value, not by representation', () => {
    expect(
      compareRates({ numerator: 3n, denominator: 2n }, { numerator: 6n, denominator: 4n }),
    ).toBe(0);
    expect(
      compareRates(
        { numerator: 10705n, denominator: 10000n },
        { numerator: 107044n, denominator: 100000n },
      ),
    ).toBe(1);
    expect(
      compareRates(
        { numerator: 1n, denominator: 3n },
        { numerator: 333333n, denominator: 1000000n },
      ),
    ).toBe(1);
    expect(
      compareRates(
        { numerator: 1n, denominator: 1000000n },
        { numerator: 1n, denominator: 999999n },
      ),
    ).toBe(-1);
  });

  it('refuses a rate that is not positive', () => {
    expect(() =>
      compareRates({ numerator: 1n, denominator: 0n }, { numerator: 1n, denominator: 1n }),
    ).toThrow(InvalidRateError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidRateError } from '../../shared/money/errors.ts';
import { reduceRate } from './reduceRate.ts';

describe('reduceRate', () => {
  it.each([
    [6n, 4n, 3n, 2n],
    [10705n, 10000n, 2141n, 2000n],
    [7n, 7n, 1n, 1n],
    [5n, 3n, 5n, 3n],
  ])('reduces %s/%s to %s/%s', (numerator, denominator, reducedNumerator, reducedDenominator) => {
    expect(reduceRate({ numerator, denominator })).toEqual({
      numerator: reducedNumerator,
      denominator: reducedDenominator,
    });
  });

  it('keeps the value and leaves no common factor', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        (n, d) => {
          const { numerator, denominator } = reduceRate({ numerator: n, denominator: d });
          expect(numerator * d).toBe(n * denominator);
          expect(reduceRate({ numerator, denominator })).toEqual({ numerator, denominator });
        },
      ),
    );
  });

  it('refuses a rate that is not positive', () => {
    expect(() => reduceRate({ numerator: 0n, denominator: 1n })).toThrow(InvalidRateError);
  });
});

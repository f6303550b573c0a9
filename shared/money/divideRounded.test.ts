import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded } from './divideRounded.ts';

describe('divideRounded', () => {
  it.each([
    [7n, 2n, 'down', 3n],
    [7n, 2n, 'up', 4n],
    [7n, 2n, 'halfUp', 4n],
    [5n, 4n, 'halfUp', 1n],
    [6n, 4n, 'halfUp', 2n],
    [8n, 4n, 'up', 2n],
    [0n, 9n, 'up', 0n],
  ] as const)('%s / %s rounded %s is %s', (numerator, denominator, rounding, expected) => {
    expect(divideRounded(numerator, denominator, rounding)).toBe(expected);
  });

  it('rounds each way to a neighbour of the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 300n }),
        fc.bigInt({ min: 1n, max: 2n ** 200n }),
        (numerator, denominator) => {
          const down = divideRounded(numerator, denominator, 'down');
          const up = divideRounded(numerator, denominator, 'up');
          const half = divideRounded(numerator, denominator, 'halfUp');
          expect(down * denominator <= numerator && numerator < (down + 1n) * denominator).toBe(
            true,
          );
          expect((up - 1n) * denominator < numerator && numerator <= up * denominator).toBe(true);
          // halfUp is the nearest; a tie goes up, so the exact value may be half a unit below it.
          const twiceError = 2n * numerator - 2n * half * denominator;
          expect(-denominator <= twiceError && twiceError < denominator).toBe(true);
        },
      ),
    );
  });
});

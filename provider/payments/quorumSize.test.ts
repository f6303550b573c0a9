import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InvalidPaymentsOptionError } from './errors.ts';
import { quorumSize } from './quorumSize.ts';

describe('quorumSize', () => {
  test.each([
    [1, 0, 1],
    [2, 0, 2],
    [3, 0, 2],
    [4, 1, 3],
    [5, 1, 3],
    [6, 1, 4],
    [7, 2, 5],
    [10, 3, 7],
  ])('n = %i → f = %i, q = %i', (endpointCount, faultTolerance, quorum) => {
    expect(quorumSize({ endpointCount })).toEqual({ faultTolerance, quorum });
  });

  test('q is a strict majority, exceeds f, and the honest endpoints alone reach it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (endpointCount) => {
        const { faultTolerance, quorum } = quorumSize({ endpointCount });
        expect(2 * quorum).toBeGreaterThan(endpointCount);
        expect(quorum).toBeGreaterThan(faultTolerance);
        expect(endpointCount - faultTolerance).toBeGreaterThanOrEqual(quorum);
      }),
    );
  });

  test.each([0, -1, 1.5, 101, Number.NaN])('refuses %s endpoints', (endpointCount) => {
    expect(() => quorumSize({ endpointCount })).toThrow(InvalidPaymentsOptionError);
  });
});

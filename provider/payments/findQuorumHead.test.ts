import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findQuorumHead } from './findQuorumHead.ts';
import { quorumSize } from './quorumSize.ts';

describe('findQuorumHead', () => {
  test('is the highest block a quorum has reached', () => {
    expect(findQuorumHead({ heads: [10n, 12n, 11n, 9n], quorum: 3 })).toBe(10n);
  });

  test('ignores endpoints that did not answer, and has no head below a quorum of answers', () => {
    expect(findQuorumHead({ heads: [10n, undefined, 11n], quorum: 2 })).toBe(10n);
    expect(findQuorumHead({ heads: [10n, undefined, undefined], quorum: 2 })).toBeUndefined();
  });

  test('f liars can neither push the head past every honest endpoint nor below the lowest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }),
        fc.array(fc.bigInt({ min: 0n, max: 1_000n }), { minLength: 13, maxLength: 13 }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 30n }), { minLength: 4, maxLength: 4 }),
        (endpointCount, honestPool, liarPool) => {
          const { faultTolerance, quorum } = quorumSize({ endpointCount });
          const honest = honestPool.slice(0, endpointCount - faultTolerance);
          const liars = liarPool.slice(0, faultTolerance);
          const head = findQuorumHead({ heads: [...liars, ...honest], quorum });
          const highest = honest.reduce((left, right) => (left > right ? left : right));
          const lowest = honest.reduce((left, right) => (left < right ? left : right));
          expect(head !== undefined && head <= highest && head >= lowest).toBe(true);
        },
      ),
    );
  });
});

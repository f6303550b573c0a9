import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { retryDelay } from './retryDelay.ts';

describe('retryDelay', () => {
  it('doubles from one second', () => {
    expect([1, 2, 3, 4, 5].map(retryDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never waits more than 30 seconds, nor less than one, whatever the attempt', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), (attempt) => {
        const delay = retryDelay(attempt);
        return delay >= 1_000 && delay <= 30_000;
      }),
    );
  });

  it('never shortens as attempts grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), (attempt) => {
        return retryDelay(attempt + 1) >= retryDelay(attempt);
      }),
    );
  });
});

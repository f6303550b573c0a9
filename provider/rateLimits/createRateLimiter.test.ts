import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './createRateLimiter.ts';

function clockAt(startMs: number): { now: () => Date; advance: (ms: number) => void } {
  let nowMs = startMs;
  return {
    now: () => new Date(nowMs),
    advance: (ms) => {
      nowMs += ms;
    },
  };
}

describe('createRateLimiter', () => {
  it('allows a burst of `capacity`, then refuses with the seconds until the next token', () => {
    const clock = clockAt(0);
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5, now: clock.now });
    expect([1, 2, 3].map(() => limiter.take('ip:1').isAllowed)).toEqual([true, true, true]);
    expect(limiter.take('ip:1')).toEqual({ isAllowed: false, retryAfterSeconds: 2 });
    clock.advance(1_000);
    expect(limiter.take('ip:1')).toEqual({ isAllowed: false, retryAfterSeconds: 1 });
    clock.advance(1_000);
    expect(limiter.take('ip:1')).toEqual({ isAllowed: true });
  });

  it('keeps one bucket per key', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1, now: clockAt(0).now });
    expect(limiter.take('a').isAllowed).toBe(true);
    expect(limiter.take('a').isAllowed).toBe(false);
    expect(limiter.take('b').isAllowed).toBe(true);
  });

  it('never refills beyond capacity, even after a long pause', () => {
    const clock = clockAt(0);
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 10, now: clock.now });
    clock.advance(3_600_000);
    expect([1, 2, 3].map(() => limiter.take('a').isAllowed)).toEqual([true, true, false]);
  });

  it('forgets the least recently used bucket beyond maxBuckets', () => {
    const limiter = createRateLimiter({
      capacity: 1,
      refillPerSecond: 1,
      now: clockAt(0).now,
      maxBuckets: 2,
    });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // drops a
    expect(limiter.take('a').isAllowed).toBe(true);
    expect(limiter.take('c').isAllowed).toBe(false);
  });

  it('over any sequence, allows at most capacity + refill × elapsed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 1, maxLength: 200 }),
        (capacity, refillPerSecond, gaps) => {
          const clock = clockAt(1_000_000);
          const limiter = createRateLimiter({ capacity, refillPerSecond, now: clock.now });
          let allowed = 0;
          let elapsedMs = 0;
          for (const gap of gaps) {
            clock.advance(gap);
            elapsedMs += gap;
            if (limiter.take('k').isAllowed) allowed += 1;
          }
          expect(allowed).toBeLessThanOrEqual(capacity + (refillPerSecond * elapsedMs) / 1000);
        },
      ),
    );
  });
});

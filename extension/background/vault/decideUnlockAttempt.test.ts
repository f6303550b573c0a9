import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideUnlockAttempt, defaultLockoutPolicy } from './decideUnlockAttempt.ts';
import type { UnlockAttempts } from './decideUnlockAttempt.ts';
import { InvalidUnlockAttemptsError } from './errors.ts';

const now = 1_700_000_000_000;
const cap = 15 * 60 * 1000;
const retryAfter = (failedAttempts: number, elapsedMs = 0): number => {
  const decision = decideUnlockAttempt({
    attempts: { failedAttempts, lastFailureAt: now },
    now: now + elapsedMs,
  });
  return decision.allowed ? 0 : decision.retryAfterMs;
};

describe('decideUnlockAttempt', () => {
  it('allows the first five tries without waiting', () => {
    expect(
      decideUnlockAttempt({ attempts: { failedAttempts: 0, lastFailureAt: null }, now }),
    ).toEqual({
      allowed: true,
    });
    for (let failedAttempts = 1; failedAttempts < 5; failedAttempts++)
      expect(retryAfter(failedAttempts)).toBe(0);
  });

  it('waits 1 s, 2 s, 4 s … after the fifth failure in a row, up to 15 minutes', () => {
    expect([5, 6, 7, 8, 9, 14].map((failed) => retryAfter(failed))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 512_000,
    ]);
    expect(retryAfter(15)).toBe(cap);
    expect(retryAfter(1_000_000)).toBe(cap);
    expect(retryAfter(Number.MAX_SAFE_INTEGER)).toBe(cap);
  });

  it('counts the wait from the last failure', () => {
    expect(retryAfter(7, 1500)).toBe(2500);
    expect(retryAfter(7, 4000)).toBe(0);
  });

  it('restarts the wait, never beyond the cap, when the clock moved backwards', () => {
    expect(retryAfter(6, -3_600_000)).toBe(2000);
    expect(retryAfter(40, -3_600_000)).toBe(cap);
  });

  it.each<[string, unknown]>([
    ['a negative count', { failedAttempts: -1, lastFailureAt: null }],
    ['a fractional count', { failedAttempts: 1.5, lastFailureAt: now }],
    ['a string count', { failedAttempts: '6', lastFailureAt: now }],
    ['a NaN time', { failedAttempts: 6, lastFailureAt: Number.NaN }],
    ['no time after five failures', { failedAttempts: 6, lastFailureAt: null }],
    ['null', null],
  ])('refuses %s as persisted state', (_label, attempts) => {
    expect(() => decideUnlockAttempt({ attempts: attempts as UnlockAttempts, now })).toThrow(
      InvalidUnlockAttemptsError,
    );
  });

  describe('properties', () => {
    const failed = fc.integer({ min: 0, max: 200 });
    const elapsed = fc.integer({ min: -1e9, max: 1e9 });

    it('never asks to wait longer than the cap', () => {
      fc.assert(fc.property(failed, elapsed, (count, ms) => retryAfter(count, ms) <= cap));
    });

    it('never waits less after more failures (monotonic backoff)', () => {
      fc.assert(
        fc.property(
          failed,
          elapsed,
          (count, ms) => retryAfter(count + 1, ms) >= retryAfter(count, ms),
        ),
      );
    });

    it('waits less as time passes, and allows once the wait is over', () => {
      fc.assert(
        fc.property(failed, fc.nat(1e9), fc.nat(1e9), (count, earlier, later) => {
          const [first, second] = earlier <= later ? [earlier, later] : [later, earlier];
          expect(retryAfter(count, second)).toBeLessThanOrEqual(retryAfter(count, first));
          const wait = retryAfter(count);
          expect(retryAfter(count, wait)).toBe(0);
        }),
      );
    });

    it('answers waiting decisions with a positive whole wait', () => {
      fc.assert(
        fc.property(failed, elapsed, (count, ms) => {
          const decision = decideUnlockAttempt({
            attempts: { failedAttempts: count, lastFailureAt: now },
            now: now + ms,
            policy: defaultLockoutPolicy,
          });
          if (!decision.allowed) {
            expect(decision.retryAfterMs).toBeGreaterThan(0);
            expect(Number.isInteger(decision.retryAfterMs)).toBe(true);
          }
        }),
      );
    });
  });
});

import { describe, expect, it } from 'vitest';
import { decideUnlockAttempt } from './decideUnlockAttempt.ts';
import type { UnlockAttempts } from './decideUnlockAttempt.ts';
import { InvalidUnlockAttemptsError } from './errors.ts';
import { recordUnlockFailure } from './recordUnlockFailure.ts';

describe('recordUnlockFailure', () => {
  it('counts one more failure at the given time', () => {
    expect(recordUnlockFailure({ failedAttempts: 2, lastFailureAt: 10 }, 99)).toEqual({
      failedAttempts: 3,
      lastFailureAt: 99,
    });
  });

  it('leads to the first wait after five failures in a row', () => {
    let attempts: UnlockAttempts = { failedAttempts: 0, lastFailureAt: null };
    for (let failure = 0; failure < 5; failure++) attempts = recordUnlockFailure(attempts, 1000);
    expect(decideUnlockAttempt({ attempts, now: 1000 })).toEqual({
      allowed: false,
      retryAfterMs: 1000,
    });
    expect(decideUnlockAttempt({ attempts, now: 2000 })).toEqual({ allowed: true });
  });

  it('refuses a broken counter or time', () => {
    expect(() => recordUnlockFailure({ failedAttempts: -1, lastFailureAt: null }, 0)).toThrow(
      InvalidUnlockAttemptsError,
    );
    expect(() =>
      recordUnlockFailure({ failedAttempts: 0, lastFailureAt: null }, Number.NaN),
    ).toThrow(InvalidUnlockAttemptsError);
  });
});

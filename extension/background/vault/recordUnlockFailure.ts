/**
 * Assumes nothing about `attempts`. The state after one more wrong password; a successful
 * unlock resets to `{ failedAttempts: 0, lastFailureAt: null }`.
 */
import type { UnlockAttempts } from './decideUnlockAttempt.ts';
import { InvalidUnlockAttemptsError } from './errors.ts';

export type RecordUnlockFailureErrorType = InvalidUnlockAttemptsError;

export function recordUnlockFailure(attempts: UnlockAttempts, now: number): UnlockAttempts {
  if (!Number.isSafeInteger(attempts.failedAttempts) || attempts.failedAttempts < 0)
    throw new InvalidUnlockAttemptsError({
      field: 'failedAttempts',
      expected: 'a non-negative integer',
    });
  if (!Number.isFinite(now))
    throw new InvalidUnlockAttemptsError({ field: 'now', expected: 'a finite number' });
  return {
    failedAttempts: Math.min(attempts.failedAttempts + 1, Number.MAX_SAFE_INTEGER),
    lastFailureAt: now,
  };
}

/**
 * Assumes nothing about `attempts` (it comes back from storage). After `freeAttempts` failures
 * in a row each further try waits base·2^(extra failures), capped. A clock that moved backwards
 * restarts the current wait instead of locking for longer than the cap.
 */
import { InvalidUnlockAttemptsError } from './errors.ts';

/** Persisted by the service worker so a restart does not reset the count. */
export type UnlockAttempts = { failedAttempts: number; lastFailureAt: number | null };
export type LockoutPolicy = { freeAttempts: number; baseDelayMs: number; maximumDelayMs: number };

export type DecideUnlockAttemptParameters = {
  attempts: UnlockAttempts;
  /** Milliseconds since the epoch. */
  now: number;
  policy?: LockoutPolicy;
};
export type DecideUnlockAttemptReturnType =
  { allowed: true } | { allowed: false; retryAfterMs: number };
export type DecideUnlockAttemptErrorType = InvalidUnlockAttemptsError;

export const defaultLockoutPolicy: LockoutPolicy = {
  freeAttempts: 5,
  baseDelayMs: 1000,
  maximumDelayMs: 15 * 60 * 1000,
};

export function decideUnlockAttempt({
  attempts,
  now,
  policy = defaultLockoutPolicy,
}: DecideUnlockAttemptParameters): DecideUnlockAttemptReturnType {
  assertUnlockAttempts(attempts);
  if (!Number.isFinite(now))
    throw new InvalidUnlockAttemptsError({ field: 'now', expected: 'a finite number' });
  const { failedAttempts, lastFailureAt } = attempts;
  if (failedAttempts < policy.freeAttempts) return { allowed: true };
  if (lastFailureAt === null)
    throw new InvalidUnlockAttemptsError({
      field: 'lastFailureAt',
      expected: 'a time once failedAttempts is past the free attempts',
    });
  const delayMs = lockoutDelayMs(failedAttempts - policy.freeAttempts, policy);
  const elapsedMs = Math.max(0, now - lastFailureAt);
  return elapsedMs >= delayMs
    ? { allowed: true }
    : { allowed: false, retryAfterMs: delayMs - elapsedMs };
}

function lockoutDelayMs(extraFailures: number, policy: LockoutPolicy): number {
  // 2^53 ms is far past any cap; stopping there keeps the arithmetic exact.
  const doublings = Math.min(extraFailures, 53);
  return Math.min(policy.baseDelayMs * 2 ** doublings, policy.maximumDelayMs);
}

function assertUnlockAttempts(attempts: unknown): asserts attempts is UnlockAttempts {
  if (typeof attempts !== 'object' || attempts === null)
    throw new InvalidUnlockAttemptsError({ field: 'attempts', expected: 'an object' });
  const { failedAttempts, lastFailureAt } = attempts as Record<string, unknown>;
  if (
    typeof failedAttempts !== 'number' ||
    !Number.isSafeInteger(failedAttempts) ||
    failedAttempts < 0
  )
    throw new InvalidUnlockAttemptsError({
      field: 'failedAttempts',
      expected: 'a non-negative integer',
    });
  if (
    lastFailureAt !== null &&
    (typeof lastFailureAt !== 'number' || !Number.isFinite(lastFailureAt))
  )
    throw new InvalidUnlockAttemptsError({
      field: 'lastFailureAt',
      expected: 'null or a finite number',
    });
}

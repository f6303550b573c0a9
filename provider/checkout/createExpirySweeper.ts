import type { Database } from '../db/Database.ts';
import { createRepeatingRun } from '../scheduling/createRepeatingRun.ts';
import { InvalidCheckoutOptionsError } from './errors.ts';
import { expireDueSessions } from './expireDueSessions.ts';

export type CreateExpirySweeperParameters = {
  db: Database;
  now: () => Date;
  /** Time between sweeps when there is nothing left to expire. Default 5 s. */
  intervalMs?: number;
  /** Sessions per transaction; a full batch is followed at once by another. Default 100. */
  batchSize?: number;
  /** A sweep failed as a whole (the database is down, say); the next one runs on schedule. */
  onError?: (error: unknown) => void;
};

export type ExpirySweeper = {
  /** Expires everything due now, batch after batch; resolves with how many. */
  runOnce(): Promise<number>;
  start(): void;
  /** Ends the loop after the running sweep, if any. */
  stop(): Promise<void>;
};

export type CreateExpirySweeperReturnType = ExpirySweeper;
export type CreateExpirySweeperErrorType = InvalidCheckoutOptionsError;

/**
 * Expires open sessions past `expires_at` with their `checkout.session.expired` event, so a
 * merchant hears of it even when nobody reads the session again. Safe to run in every provider
 * process at once (see `expireDueSessions`). Reading a session also expires it when due, so the
 * API never shows an open session past its expiry between two sweeps.
 */
export function createExpirySweeper({
  db,
  now,
  intervalMs = 5_000,
  batchSize = 100,
  onError = () => {},
}: CreateExpirySweeperParameters): CreateExpirySweeperReturnType {
  for (const [option, value, max] of [
    ['intervalMs', intervalMs, 24 * 60 * 60 * 1000],
    ['batchSize', batchSize, 10_000],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1 || value > max) {
      throw new InvalidCheckoutOptionsError({ option, expected: `an integer from 1 to ${max}` });
    }
  }

  async function runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await expireDueSessions({ db, now: now(), limit: batchSize });
      total += expired;
      if (expired < batchSize) return total;
    }
  }

  const loop = createRepeatingRun({ run: runOnce, intervalMs, firstDelayMs: 0, onError });
  return { runOnce, start: loop.start, stop: loop.stop };
}

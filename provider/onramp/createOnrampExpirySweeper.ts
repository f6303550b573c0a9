import type { Database } from '../db/Database.ts';
import { createRepeatingRun } from '../scheduling/createRepeatingRun.ts';
import { InvalidOnrampConfigError } from './errors.ts';
import { expireOnrampOrders } from './expireOnrampOrders.ts';
import type { OnrampAdapter } from './OnrampAdapter.ts';

export type CreateOnrampExpirySweeperParameters = {
  db: Database;
  now: () => Date;
  /** The configured adapters (their names go into the webhook events). */
  adapters: readonly OnrampAdapter[];
  /** Time between sweeps when there is nothing left to expire. Default 10 s. */
  intervalMs?: number;
  /** Orders per call of `expireOnrampOrders`; a full batch is followed at once by another. */
  batchSize?: number;
  /** A sweep failed as a whole (the database is down, say); the next one runs on schedule. */
  onError?: (error: unknown) => void;
};

export type OnrampExpirySweeper = {
  /** Expires every `created` order past its `expires_at`, batch after batch; resolves with how many. */
  runOnce(): Promise<number>;
  start(): void;
  /** Ends the loop after the running sweep, if any. */
  stop(): Promise<void>;
};

export type CreateOnrampExpirySweeperReturnType = OnrampExpirySweeper;
export type CreateOnrampExpirySweeperErrorType = InvalidOnrampConfigError;

/**
 * Runs `expireOnrampOrders` on an interval, so `onramp.order.expired` reaches the merchant even
 * when nobody reads the order again (reading an order also expires it when due). Safe in every
 * provider process at once: each order is expired under its row lock.
 */
export function createOnrampExpirySweeper({
  db,
  now,
  adapters,
  intervalMs = 10_000,
  batchSize = 100,
  onError = () => {},
}: CreateOnrampExpirySweeperParameters): CreateOnrampExpirySweeperReturnType {
  for (const [field, value, max] of [
    ['intervalMs', intervalMs, 24 * 60 * 60 * 1000],
    ['batchSize', batchSize, 10_000],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1 || value > max) {
      throw new InvalidOnrampConfigError({ field, expected: `an integer from 1 to ${max}` });
    }
  }

  async function runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const { expired, examined } = await expireOnrampOrders({
        db,
        now: now(),
        adapters,
        limit: batchSize,
      });
      total += expired;
      // A full batch where nothing changed was all taken by other processes meanwhile.
      if (examined < batchSize || expired === 0) return total;
    }
  }

  const loop = createRepeatingRun({ run: runOnce, intervalMs, firstDelayMs: 0, onError });
  return { runOnce, start: loop.start, stop: loop.stop };
}

import type { Database } from '../db/Database.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import { createRepeatingRun } from '../scheduling/createRepeatingRun.ts';
import type { RepeatingRun } from '../scheduling/createRepeatingRun.ts';
import type { SigningKeyCache } from '../signing/createSigningKeyCache.ts';
import { InvalidSweeperOptionsError } from './errors.ts';
import { sweepSubscriptions } from './sweepSubscriptions.ts';
import type { SweepSubscriptionsReturnType } from './sweepSubscriptions.ts';

export type CreateSubscriptionSweeperParameters = {
  db: Database;
  rates: RateBook;
  signingKey: SigningKeyCache;
  now: () => Date;
  quoteTtlSeconds?: number;
  /** Called when a run fails as a whole (the database is down, say) while started. */
  onError?: (error: unknown) => void;
};

export type SubscriptionSweeper = {
  runOnce(): Promise<SweepSubscriptionsReturnType>;
  /** Runs every `intervalMs` until `stop()`; a run never overlaps the previous one. */
  start(options: { intervalMs: number }): void;
  /** Ends the loop and waits for a run in progress. */
  stop(): Promise<void>;
};

export type CreateSubscriptionSweeperReturnType = SubscriptionSweeper;
export type CreateSubscriptionSweeperErrorType = InvalidSweeperOptionsError;

/**
 * `sweepSubscriptions` on a timer. Safe in every provider process at once: each change is taken
 * under a row lock with SKIP LOCKED, and the unique (subscription, period) stops a second invoice.
 */
export function createSubscriptionSweeper({
  db,
  rates,
  signingKey,
  now,
  quoteTtlSeconds,
  onError = () => {},
}: CreateSubscriptionSweeperParameters): CreateSubscriptionSweeperReturnType {
  let loop: RepeatingRun | undefined;

  async function runOnce(): Promise<SweepSubscriptionsReturnType> {
    return sweepSubscriptions({
      db,
      rates,
      signingKey: await signingKey(),
      now: now(),
      ...(quoteTtlSeconds === undefined ? {} : { quoteTtlSeconds }),
    });
  }

  return {
    runOnce,
    start({ intervalMs }) {
      if (!Number.isInteger(intervalMs) || intervalMs < 100) {
        throw new InvalidSweeperOptionsError({
          option: 'intervalMs',
          expected: 'a whole number of milliseconds, at least 100',
        });
      }
      if (loop !== undefined) return;
      loop = createRepeatingRun({ run: runOnce, intervalMs, onError });
      loop.start();
    },
    async stop() {
      const stopping = loop;
      loop = undefined;
      await stopping?.stop();
    },
  };
}

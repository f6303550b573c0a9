import type { Database } from '../db/Database.ts';
import { claimDueWebhookDeliveries } from './claimDueWebhookDeliveries.ts';
import type { ClaimedWebhookDelivery } from './claimDueWebhookDeliveries.ts';
import { deliverWebhook } from './deliverWebhook.ts';
import type { DeliverWebhookReturnType, WebhookFetch } from './deliverWebhook.ts';
import { InvalidWebhookDispatcherOptionsError } from './errors.ts';
import { recordWebhookDeliveryOutcome } from './recordWebhookDeliveryOutcome.ts';
import type { RecordWebhookDeliveryOutcomeReturnType } from './recordWebhookDeliveryOutcome.ts';
import { webhookBackoffDelay } from './webhookBackoffDelay.ts';

export type CreateWebhookDispatcherParameters = {
  db: Database;
  /** Schedules, leases, deadlines. */
  now: () => Date;
  /** The `t` of `TP-Signature`; defaults to `now`. */
  signingClock?: () => Date;
  fetch?: WebhookFetch;
  /** Deliveries claimed per round (each posted concurrently). Default 20. */
  batchSize?: number;
  /** Milliseconds to wait after failed attempt number `attempt`. Default: 30 s doubling to 1 h, with jitter. */
  backoff?: (attempt: number) => number;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  /** How long a claim holds; must exceed `timeoutMs`. Default 60 s. */
  leaseMs?: number;
  /** Retries stop this long after the event was created. Default 3 days. */
  maxAgeMs?: number;
  /** Called when a round fails as a whole (the database is down, say) while started. */
  onError?: (error: unknown) => void;
  /** Told each recorded attempt's outcome (metrics). */
  onOutcome?: (outcome: RecordWebhookDeliveryOutcomeReturnType) => void;
};

export type WebhookDispatchRound = {
  claimed: number;
} & Record<RecordWebhookDeliveryOutcomeReturnType, number>;

export type WebhookDispatcher = {
  /** One round: claim what is due, deliver it, record each result. */
  runOnce(): Promise<WebhookDispatchRound>;
  /** Runs rounds until `stop()`: at once again after a full batch, else after `intervalMs`. */
  start(options: { intervalMs: number }): void;
  /** Ends the loop; in-flight requests are aborted and left to their lease. */
  stop(): Promise<void>;
};

export type CreateWebhookDispatcherReturnType = WebhookDispatcher;

export type CreateWebhookDispatcherErrorType = InvalidWebhookDispatcherOptionsError;

export const webhookMaxAgeMs = 3 * 24 * 60 * 60 * 1000;

/**
 * Delivers the outbox at least once. Any number of dispatchers, in any number of processes, may
 * share one database: claims are exclusive (`FOR UPDATE SKIP LOCKED`) and leased, and a result
 * is written only by the worker whose attempt is current. The HTTP request runs outside any
 * transaction, so a slow endpoint holds no lock and no connection.
 */
export function createWebhookDispatcher({
  db,
  now,
  signingClock = now,
  fetch = globalThis.fetch,
  batchSize = 20,
  backoff = (attempt) => webhookBackoffDelay({ attempt }),
  timeoutMs = 10_000,
  leaseMs = 60_000,
  maxAgeMs = webhookMaxAgeMs,
  onError = () => {},
  onOutcome = () => {},
}: CreateWebhookDispatcherParameters): CreateWebhookDispatcherReturnType {
  assertPositiveInteger('batchSize', batchSize, 1_000);
  assertPositiveInteger('timeoutMs', timeoutMs, 60_000);
  assertPositiveInteger('leaseMs', leaseMs, 24 * 60 * 60 * 1000);
  if (leaseMs <= timeoutMs) {
    throw new InvalidWebhookDispatcherOptionsError({
      option: 'leaseMs',
      expected: 'longer than timeoutMs (or a slow delivery would be sent twice)',
    });
  }

  let stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<unknown> | undefined;
  let isRunning = false;

  async function runOnce(): Promise<WebhookDispatchRound> {
    const claims = await claimDueWebhookDeliveries(db, { now: now(), leaseMs, limit: batchSize });
    const results = await Promise.all(claims.map(deliverAndRecord));
    const counts: WebhookDispatchRound = {
      claimed: claims.length,
      delivered: 0,
      retrying: 0,
      failed: 0,
      stale: 0,
    };
    for (const result of results) if (result !== undefined) counts[result] += 1;
    return counts;
  }

  async function deliverAndRecord(
    claim: ClaimedWebhookDelivery,
  ): Promise<RecordWebhookDeliveryOutcomeReturnType | undefined> {
    const signal = stopping.signal;
    let outcome: DeliverWebhookReturnType;
    if (claim.isEndpointDisabled) {
      outcome = { isDelivered: false, statusCode: null, error: 'the endpoint was deleted' };
    } else {
      outcome = await deliverWebhook({
        fetch,
        url: claim.url,
        secret: claim.secret,
        event: claim.event,
        signedAt: signingClock(),
        timeoutMs,
        signal,
      });
      // Stopped mid-request: whether it arrived is unknown, so no result; the lease brings it back.
      if (signal.aborted) return undefined;
    }
    const recorded = await recordWebhookDeliveryOutcome(db, {
      claim,
      outcome,
      now: now(),
      backoff,
      maxAgeMs,
      isFinal: claim.isEndpointDisabled,
    });
    onOutcome(recorded);
    return recorded;
  }

  function scheduleNext(delayMs: number, intervalMs: number): void {
    timer = setTimeout(() => {
      timer = undefined;
      const current = runOnce().then(
        (counts) => (counts.claimed >= batchSize ? 0 : intervalMs),
        (error: unknown) => {
          onError(error);
          return intervalMs;
        },
      );
      round = current;
      void current.then((nextDelayMs) => {
        round = undefined;
        if (isRunning) scheduleNext(nextDelayMs, intervalMs);
      });
    }, delayMs);
  }

  return {
    runOnce,
    start({ intervalMs }) {
      assertPositiveInteger('intervalMs', intervalMs, 24 * 60 * 60 * 1000);
      if (isRunning) return;
      isRunning = true;
      stopping = new AbortController();
      scheduleNext(0, intervalMs);
    },
    async stop() {
      isRunning = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      stopping.abort();
      await round;
      // Fresh, so that `runOnce()` called after `stop()` still delivers.
      stopping = new AbortController();
    },
  };
}

function assertPositiveInteger(option: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new InvalidWebhookDispatcherOptionsError({
      option,
      expected: `an integer from 1 to ${max}`,
    });
  }
}

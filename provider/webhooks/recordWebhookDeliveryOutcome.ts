import type { DatabaseSession } from '../db/Database.ts';
import type { ClaimedWebhookDelivery } from './claimDueWebhookDeliveries.ts';
import type { DeliverWebhookReturnType } from './deliverWebhook.ts';

export type RecordWebhookDeliveryOutcomeParameters = {
  claim: Pick<ClaimedWebhookDelivery, 'eventId' | 'endpointId' | 'attempt' | 'eventCreatedAt'>;
  outcome: DeliverWebhookReturnType;
  now: Date;
  /** Milliseconds to wait after failed attempt number `attempt`. */
  backoff: (attempt: number) => number;
  /** Give up this long after the event was created. */
  maxAgeMs: number;
  /** Give up now whatever the deadline (the endpoint is gone). */
  isFinal?: boolean;
};

/**
 * `stale`: the claim is no longer current (the lease ran out and another worker took the
 * delivery, or the endpoint was deleted): nothing was written.
 */
export type RecordWebhookDeliveryOutcomeReturnType = 'delivered' | 'retrying' | 'failed' | 'stale';

/**
 * Writes one attempt's result. A failure is retried after `backoff(attempt)`, but never past the
 * event's deadline: the last retry happens at the deadline itself, and a failure then is final.
 */
export async function recordWebhookDeliveryOutcome(
  session: DatabaseSession,
  {
    claim,
    outcome,
    now,
    backoff,
    maxAgeMs,
    isFinal: isGivenUp = false,
  }: RecordWebhookDeliveryOutcomeParameters,
): Promise<RecordWebhookDeliveryOutcomeReturnType> {
  const key = [claim.eventId, claim.endpointId, claim.attempt];
  // Only the worker holding the current attempt may write (attempt_count is the fencing token).
  const current = 'event_id = $1 and endpoint_id = $2 and attempt_count = $3 and status = $4';
  if (outcome.isDelivered) {
    const { rows } = await session.query(
      `update webhook_deliveries
       set status = 'delivered', delivered_at = $5, next_attempt_at = null,
           last_status_code = $6, last_error = null
       where ${current} returning 1`,
      [...key, 'pending', now, outcome.statusCode],
    );
    return rows.length > 0 ? 'delivered' : 'stale';
  }

  const deadline = claim.eventCreatedAt.getTime() + maxAgeMs;
  const isFinal = isGivenUp || now.getTime() >= deadline;
  const nextAttemptAt = isFinal
    ? null
    : new Date(Math.min(now.getTime() + Math.max(0, backoff(claim.attempt)), deadline));
  const { rows } = await session.query(
    `update webhook_deliveries
     set status = $5, next_attempt_at = $6, last_status_code = $7, last_error = $8
     where ${current} returning 1`,
    [
      ...key,
      'pending',
      isFinal ? 'failed' : 'pending',
      nextAttemptAt,
      outcome.statusCode,
      outcome.error,
    ],
  );
  if (rows.length === 0) return 'stale';
  return isFinal ? 'failed' : 'retrying';
}

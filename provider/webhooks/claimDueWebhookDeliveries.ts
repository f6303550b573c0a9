import type { Database } from '../db/Database.ts';
import type { WebhookEvent } from '../../shared/webhooks/WebhookEvent.ts';
import { toWebhookEvent } from './toWebhookEvent.ts';

export type ClaimDueWebhookDeliveriesParameters = {
  now: Date;
  /** How long the claim holds: until then no other worker takes these deliveries. */
  leaseMs: number;
  limit: number;
};

export type ClaimedWebhookDelivery = {
  eventId: string;
  endpointId: string;
  /** This attempt's number (1 for the first); the result is recorded only if it is still current. */
  attempt: number;
  url: string;
  secret: string;
  isEndpointDisabled: boolean;
  event: WebhookEvent;
  eventCreatedAt: Date;
};

export type ClaimDueWebhookDeliveriesReturnType = ClaimedWebhookDelivery[];

type ClaimRow = {
  event_id: string;
  endpoint_id: string;
  attempt_count: number;
  url: string;
  secret: string;
  disabled_at: Date | null;
  type: string;
  data: Record<string, unknown>;
  created_at: Date;
};

/**
 * Takes up to `limit` due deliveries for this worker. Rows another worker is claiming right now
 * are skipped, not waited for (`FOR UPDATE SKIP LOCKED`), and a claim moves `next_attempt_at` to
 * the end of the lease, so after commit the rows are no longer due for anyone else. A worker
 * that dies mid-delivery never records a result; its deliveries fall due again when the lease ends.
 */
export async function claimDueWebhookDeliveries(
  db: Database,
  { now, leaseMs, limit }: ClaimDueWebhookDeliveriesParameters,
): Promise<ClaimDueWebhookDeliveriesReturnType> {
  const leaseEnd = new Date(now.getTime() + leaseMs);
  const rows = await db.transaction(async (session) => {
    const result = await session.query<ClaimRow>(
      `with due as (
         select event_id, endpoint_id from webhook_deliveries
         where status = 'pending' and next_attempt_at <= $1
         order by next_attempt_at
         limit $3
         for update skip locked
       )
       update webhook_deliveries delivery
       set next_attempt_at = $2, attempt_count = delivery.attempt_count + 1, last_attempt_at = $1
       from due, webhook_events event, webhook_endpoints endpoint
       where delivery.event_id = due.event_id and delivery.endpoint_id = due.endpoint_id
         and event.id = delivery.event_id and endpoint.id = delivery.endpoint_id
       returning delivery.event_id, delivery.endpoint_id, delivery.attempt_count,
         endpoint.url, endpoint.secret, endpoint.disabled_at,
         event.type, event.data, event.created_at`,
      [now, leaseEnd, limit],
    );
    return result.rows;
  });
  return rows.map((row) => ({
    eventId: row.event_id,
    endpointId: row.endpoint_id,
    attempt: row.attempt_count,
    url: row.url,
    secret: row.secret,
    isEndpointDisabled: row.disabled_at !== null,
    event: toWebhookEvent({
      id: row.event_id,
      type: row.type,
      data: row.data,
      created_at: row.created_at,
    }),
    eventCreatedAt: row.created_at,
  }));
}

import type { DatabaseSession } from '../db/Database.ts';
import type { WebhookEvent } from '../../shared/webhooks/WebhookEvent.ts';
import { webhookEventTypes } from '../../shared/webhooks/webhookEventTypes.ts';
import type { WebhookEventType } from '../../shared/webhooks/webhookEventTypes.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import { InvalidWebhookEventError } from './errors.ts';
import { toWebhookEvent } from './toWebhookEvent.ts';

export type EnqueueWebhookEventParameters = {
  merchantId: string;
  type: WebhookEventType;
  /** The object the event is about, as the API shows it: JSON only (money as decimal strings). */
  data: Record<string, unknown>;
  /** When the state change happened: the event's `created_at`, and when its deliveries are due. */
  now: Date;
};

export type EnqueueWebhookEventReturnType = {
  event: WebhookEvent;
  /** How many endpoints will receive it (enabled ones subscribed to `type` or to `*`). */
  deliveryCount: number;
};

export type EnqueueWebhookEventErrorType = InvalidWebhookEventError;

const knownTypes: ReadonlySet<string> = new Set(webhookEventTypes);

/**
 * Records an event and one pending delivery per subscribed endpoint (the outbox). Pass the
 * transaction that makes the state change, so the event exists if and only if the change does:
 *
 *     await db.transaction(async (session) => {
 *       await session.query('update checkout_sessions set status = $2 where id = $1', [id, 'settled']);
 *       await enqueueWebhookEvent(session, { merchantId, type: 'checkout.session.settled', data, now });
 *     });
 *
 * It is one statement, so it is atomic on its own too. Delivery happens later, in the dispatcher.
 */
export async function enqueueWebhookEvent(
  session: DatabaseSession,
  { merchantId, type, data, now }: EnqueueWebhookEventParameters,
): Promise<EnqueueWebhookEventReturnType> {
  if (typeof merchantId !== 'string' || merchantId === '') {
    throw new InvalidWebhookEventError({ field: 'merchantId', expected: 'a merchant id' });
  }
  if (!knownTypes.has(type)) {
    throw new InvalidWebhookEventError({
      field: 'type',
      expected: `one of ${webhookEventTypes.join(', ')}`,
    });
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new InvalidWebhookEventError({ field: 'now', expected: 'a valid Date' });
  }
  const json = toJsonObject(data);

  const id = createResourceId('evt');
  const { rows } = await session.query<{ delivery_count: bigint }>(
    `with event as (
       insert into webhook_events (id, merchant_id, type, data, created_at)
       values ($1, $2, $3, $4::jsonb, $5)
       returning id
     ), deliveries as (
       insert into webhook_deliveries
         (event_id, endpoint_id, status, attempt_count, next_attempt_at, created_at)
       select event.id, endpoint.id, 'pending', 0, $5, $5
       from event, webhook_endpoints endpoint
       where endpoint.merchant_id = $2
         and endpoint.disabled_at is null
         and ($3 = any (endpoint.enabled_events) or '*' = any (endpoint.enabled_events))
       returning endpoint_id
     )
     select count(*) as delivery_count from deliveries`,
    [id, merchantId, type, json, now],
  );
  return {
    event: toWebhookEvent({
      id,
      type,
      created_at: now,
      data: JSON.parse(json) as Record<string, unknown>,
    }),
    deliveryCount: Number(rows[0]?.delivery_count ?? 0n),
  };
}

function toJsonObject(data: unknown): string {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidWebhookEventError({ field: 'data', expected: 'a JSON object' });
  }
  try {
    return JSON.stringify(data);
  } catch (cause) {
    // A bigint, most likely: money travels as decimal strings.
    throw new InvalidWebhookEventError({
      field: 'data',
      expected: 'JSON-serializable (amounts as decimal strings, not bigint)',
      cause,
    });
  }
}

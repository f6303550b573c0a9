import type { DatabaseSession } from '../db/Database.ts';
import type { WebhookEvent } from '../../shared/webhooks/WebhookEvent.ts';
import { toWebhookEvent, webhookEventColumns } from './toWebhookEvent.ts';
import type { WebhookEventRow } from './toWebhookEvent.ts';

export type FindWebhookEventParameters = { merchantId: string; eventId: string };

/** `undefined` when the merchant has no such event (another merchant's counts as none). */
export type FindWebhookEventReturnType = WebhookEvent | undefined;

export async function findWebhookEvent(
  session: DatabaseSession,
  { merchantId, eventId }: FindWebhookEventParameters,
): Promise<FindWebhookEventReturnType> {
  const { rows } = await session.query<WebhookEventRow>(
    `select ${webhookEventColumns} from webhook_events where id = $1 and merchant_id = $2`,
    [eventId, merchantId],
  );
  const row = rows[0];
  return row === undefined ? undefined : toWebhookEvent(row);
}

import type { DatabaseSession } from '../db/Database.ts';
import { toWebhookEndpointRecord, webhookEndpointColumns } from './WebhookEndpointRecord.ts';
import type { WebhookEndpointRecord, WebhookEndpointRow } from './WebhookEndpointRecord.ts';

export type ListWebhookEndpointsParameters = { merchantId: string };

export type ListWebhookEndpointsReturnType = WebhookEndpointRecord[];

/** The merchant's enabled endpoints, oldest first; never their secrets. */
export async function listWebhookEndpoints(
  session: DatabaseSession,
  { merchantId }: ListWebhookEndpointsParameters,
): Promise<ListWebhookEndpointsReturnType> {
  const { rows } = await session.query<WebhookEndpointRow>(
    `select ${webhookEndpointColumns} from webhook_endpoints
     where merchant_id = $1 and disabled_at is null
     order by created_at, id`,
    [merchantId],
  );
  return rows.map(toWebhookEndpointRecord);
}

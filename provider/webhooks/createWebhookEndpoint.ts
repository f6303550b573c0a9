import type { DatabaseSession } from '../db/Database.ts';
import { webhookEndpointLimits } from '../../shared/webhooks/WebhookEndpoint.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import { createWebhookSecret } from './createWebhookSecret.ts';
import { WebhookEndpointLimitError } from './errors.ts';
import { toWebhookEndpointRecord, webhookEndpointColumns } from './WebhookEndpointRecord.ts';
import type { WebhookEndpointRecord, WebhookEndpointRow } from './WebhookEndpointRecord.ts';

export type CreateWebhookEndpointParameters = {
  merchantId: string;
  /** Already checked by `assertWebhookUrl`. */
  url: string;
  enabledEvents: readonly string[];
  now: Date;
};

export type CreateWebhookEndpointReturnType = WebhookEndpointRecord & {
  /** `whsec_…`: returned here once; the API never shows it again. */
  secret: string;
};

export type CreateWebhookEndpointErrorType = WebhookEndpointLimitError;

/** Stripe's limit too; more is a mistake (each event is sent once per endpoint). */
const maxWebhookEndpointsPerMerchant = webhookEndpointLimits.maxEndpointsPerMerchant;

/**
 * Registers an endpoint with a fresh secret. The limit is checked in the same statement; two
 * creations racing at the limit may both pass (a soft limit, which is all it needs to be).
 */
export async function createWebhookEndpoint(
  session: DatabaseSession,
  { merchantId, url, enabledEvents, now }: CreateWebhookEndpointParameters,
): Promise<CreateWebhookEndpointReturnType> {
  const secret = createWebhookSecret();
  const { rows } = await session.query<WebhookEndpointRow>(
    `insert into webhook_endpoints (id, merchant_id, url, secret, enabled_events, created_at)
     select $1, $2, $3, $4, $5::text[], $6
     where (select count(*) from webhook_endpoints
            where merchant_id = $2 and disabled_at is null) < $7
     returning ${webhookEndpointColumns}`,
    [
      createResourceId('we'),
      merchantId,
      url,
      secret,
      [...new Set(enabledEvents)],
      now,
      maxWebhookEndpointsPerMerchant,
    ],
  );
  const row = rows[0];
  if (row === undefined)
    throw new WebhookEndpointLimitError({ limit: maxWebhookEndpointsPerMerchant });
  return { ...toWebhookEndpointRecord(row), secret };
}

import type { Database } from '../db/Database.ts';

export type DisableWebhookEndpointParameters = {
  merchantId: string;
  endpointId: string;
  now: Date;
};

/** False when the merchant has no such enabled endpoint (unknown, another merchant's, or already deleted). */
export type DisableWebhookEndpointReturnType = boolean;

/**
 * Deletes an endpoint as the API sees it: it stops receiving new events and its pending
 * deliveries are given up. The row stays (deliveries refer to it). A delivery already in flight
 * may still arrive once; its result is then ignored.
 */
export async function disableWebhookEndpoint(
  db: Database,
  { merchantId, endpointId, now }: DisableWebhookEndpointParameters,
): Promise<DisableWebhookEndpointReturnType> {
  return db.transaction(async (session) => {
    const { rows } = await session.query(
      `update webhook_endpoints set disabled_at = $3
       where id = $1 and merchant_id = $2 and disabled_at is null
       returning id`,
      [endpointId, merchantId, now],
    );
    if (rows.length === 0) return false;
    await session.query(
      `update webhook_deliveries
       set status = 'failed', next_attempt_at = null, last_error = 'the endpoint was deleted'
       where endpoint_id = $1 and status = 'pending'`,
      [endpointId],
    );
    return true;
  });
}

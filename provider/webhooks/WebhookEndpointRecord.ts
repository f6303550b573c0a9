/** A merchant's webhook endpoint as stored, without its secret (shown once, at creation). */
export type WebhookEndpointRecord = {
  /** `we_…` */
  id: string;
  merchantId: string;
  url: string;
  /** Event types, or `*` for every type. */
  enabledEvents: string[];
  createdAt: Date;
};

export type WebhookEndpointRow = {
  id: string;
  merchant_id: string;
  url: string;
  enabled_events: string[];
  created_at: Date;
};

export const webhookEndpointColumns = 'id, merchant_id, url, enabled_events, created_at';

export function toWebhookEndpointRecord(row: WebhookEndpointRow): WebhookEndpointRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    url: row.url,
    enabledEvents: row.enabled_events,
    createdAt: row.created_at,
  };
}

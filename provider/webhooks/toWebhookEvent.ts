import type { WebhookEvent } from '../../shared/webhooks/WebhookEvent.ts';

export type WebhookEventRow = {
  id: string;
  type: string;
  data: Record<string, unknown>;
  created_at: Date;
};

export const webhookEventColumns = 'id, type, data, created_at';

/** A stored event as delivered and as the API shows it. */
export function toWebhookEvent(row: WebhookEventRow): WebhookEvent {
  return {
    id: row.id,
    object: 'event',
    type: row.type,
    created_at: row.created_at.toISOString(),
    data: row.data,
  };
}

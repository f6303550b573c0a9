import type { DatabaseSession } from '../db/Database.ts';
import type { WebhookEvent } from '../../shared/webhooks/WebhookEvent.ts';
import { UnknownWebhookEventCursorError } from './errors.ts';
import { toWebhookEvent, webhookEventColumns } from './toWebhookEvent.ts';
import type { WebhookEventRow } from './toWebhookEvent.ts';

export type ListWebhookEventsParameters = {
  merchantId: string;
  /** 1 to 100. */
  limit: number;
  /** An event id from a previous page: returns the events older than it. */
  startingAfter?: string | undefined;
};

export type ListWebhookEventsReturnType = { events: WebhookEvent[]; hasMore: boolean };

export type ListWebhookEventsErrorType = UnknownWebhookEventCursorError;

/** The merchant's events, newest first, a page at a time (cursor: the last id of the previous page). */
export async function listWebhookEvents(
  session: DatabaseSession,
  { merchantId, limit, startingAfter }: ListWebhookEventsParameters,
): Promise<ListWebhookEventsReturnType> {
  let beforeSeq: bigint | undefined;
  if (startingAfter !== undefined) {
    const { rows } = await session.query<{ seq: bigint }>(
      'select seq from webhook_events where id = $1 and merchant_id = $2',
      [startingAfter, merchantId],
    );
    beforeSeq = rows[0]?.seq;
    if (beforeSeq === undefined)
      throw new UnknownWebhookEventCursorError({ eventId: startingAfter });
  }
  // One row more than asked tells whether there is another page.
  const { rows } = await session.query<WebhookEventRow>(
    `select ${webhookEventColumns} from webhook_events
     where merchant_id = $1 and ($2::bigint is null or seq < $2::bigint)
     order by seq desc
     limit $3`,
    [merchantId, beforeSeq?.toString() ?? null, limit + 1],
  );
  return {
    events: rows.slice(0, limit).map(toWebhookEvent),
    hasMore: rows.length > limit,
  };
}

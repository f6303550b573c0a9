import type { SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import type { WebhookEvent } from '../../shared/webhooks/WebhookEvent.ts';
import type { WebhookEventType } from '../../shared/webhooks/webhookEventTypes.ts';
import type { DatabaseSession } from '../db/Database.ts';
import { enqueueWebhookEvent } from '../webhooks/enqueueWebhookEvent.ts';
import type { CheckoutSessionRecord, CheckoutSessionRow } from './CheckoutSessionRecord.ts';
import { checkoutSessionColumns, toCheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { listSessionPayments } from './listSessionPayments.ts';
import { toCheckoutSessionResponse } from './toCheckoutSessionResponse.ts';
import { transitionSession } from './transitionSession.ts';
import type { SessionEvent, TransitionSessionErrorType } from './transitionSession.ts';

export type ApplySessionEventParameters = {
  /** An open transaction: the status and its webhook event are written in it, or neither is. */
  transaction: DatabaseSession;
  sessionId: string;
  event: SessionEvent;
  now: Date;
};

export type ApplySessionEventReturnType = {
  session: CheckoutSessionRecord;
  previousStatus: SessionStatus;
  /** The webhook event written, when the status changed to one merchants are told about. */
  webhookEvent: WebhookEvent | undefined;
};

export type ApplySessionEventErrorType = TransitionSessionErrorType | Error;

/**
 * Every status a merchant hears about, and its event. `open` has none: a session becomes open
 * again only when the one payment it was waiting on left the chain before it was confirmed (a
 * reorg), and merchants must never act on `pending` anyway; what they hear next is what happens
 * next (`pending` when the transaction is mined again, `settled`, or `expired`).
 */
const eventTypeByStatus: Readonly<Partial<Record<SessionStatus, WebhookEventType>>> = {
  pending: 'checkout.session.pending',
  settled: 'checkout.session.settled',
  expired: 'checkout.session.expired',
  underpaid: 'checkout.session.underpaid',
  overpaid: 'checkout.session.overpaid',
  paid_late: 'checkout.session.paid_late',
};

/**
 * Moves a stored session through `transitionSession` and, when its status changes, writes the
 * webhook event (the session as the API shows it to the merchant: metadata, payments and
 * amount paid included) in the same transaction. Locks the session's row first (`FOR UPDATE`),
 * so the watcher, the expiry sweeper and a read that expires the session take turns. The only
 * code that writes `checkout_sessions.status` after creation.
 */
export async function applySessionEvent({
  transaction,
  sessionId,
  event,
  now,
}: ApplySessionEventParameters): Promise<ApplySessionEventReturnType> {
  const { rows } = await transaction.query<CheckoutSessionRow>(
    `select ${checkoutSessionColumns} from checkout_sessions where id = $1 for update`,
    [sessionId],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`checkout session ${sessionId} does not exist`);
  const previousStatus = row.status;
  const status = transitionSession(previousStatus, event);
  if (status === previousStatus) {
    return { session: toCheckoutSessionRecord(row), previousStatus, webhookEvent: undefined };
  }

  const updated = await transaction.query<CheckoutSessionRow>(
    `update checkout_sessions set status = $2, updated_at = $3 where id = $1
     returning ${checkoutSessionColumns}`,
    [sessionId, status, now],
  );
  const updatedRow = updated.rows[0];
  if (updatedRow === undefined) throw new Error('update … returning gave no row');
  const session = toCheckoutSessionRecord(updatedRow);
  const type = eventTypeByStatus[status];
  if (type === undefined) return { session, previousStatus, webhookEvent: undefined };

  const payments = await listSessionPayments({ db: transaction, sessionIds: [sessionId] });
  const { event: webhookEvent } = await enqueueWebhookEvent(transaction, {
    merchantId: session.merchantId,
    type,
    data: toCheckoutSessionResponse({
      session,
      payments: payments.get(sessionId) ?? [],
      rates: undefined,
      includeMetadata: true,
    }),
    now,
  });
  return { session, previousStatus, webhookEvent };
}

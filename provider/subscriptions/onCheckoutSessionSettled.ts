import type { SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import type { CheckoutSessionRecord } from '../checkout/CheckoutSessionRecord.ts';
import type { DatabaseSession } from '../db/Database.ts';
import { applySubscriptionEvent } from './applySubscriptionEvent.ts';
import { invoiceColumns, toInvoiceRecord } from './InvoiceRecord.ts';
import type { InvoiceRow } from './InvoiceRecord.ts';
import { lockSubscription } from './lockSubscription.ts';
import { readLatestQuote } from './readLatestQuote.ts';
import { readPlan } from './readPlan.ts';
import { startSubscription } from './startSubscription.ts';
import type { SubscriptionRecord } from './SubscriptionRecord.ts';

export type OnCheckoutSessionSettledReturnType =
  /** Not a subscription's session: nothing to do. */
  | { outcome: 'not_subscription' }
  /** The session is not paid (`underpaid`, `pending`…): nothing to do yet. */
  | { outcome: 'not_paid' }
  /** This session's payment was already counted (a repeated call). */
  | { outcome: 'already_recorded' }
  /** A first session is paid but has no confirmed payment row: nothing written (a bug upstream). */
  | { outcome: 'payment_not_found' }
  | { outcome: 'subscription_started'; subscription: SubscriptionRecord }
  | { outcome: 'renewed'; subscription: SubscriptionRecord }
  /**
   * Money arrived for a subscription that no longer bills this period (canceled or ended before
   * the payment confirmed), or for a first session whose trial had already started: recorded,
   * no state change; the merchant sees the session's own webhook and refunds.
   */
  | { outcome: 'paid_while_inactive'; subscription: SubscriptionRecord };

/** Paid: the merchant has at least the price (`paid_late` is paid, just after expiry). */
const paidStatuses: ReadonlySet<SessionStatus> = new Set(['settled', 'overpaid', 'paid_late']);

/**
 * Payment detection calls this in the transaction that moves a checkout session to `settled`,
 * `overpaid` or `paid_late` (after the confirmed payment's row is written), for every session:
 * it does nothing for sessions that are not a subscription's, and nothing the second time.
 * - A subscription's first session: creates the subscription from the first confirmed payment
 *   (payer = subscriber, its quote = asset and allowance) with `subscription.created`.
 * - A renewal session: marks the invoice paid, and renews the subscription
 *   (`subscription.renewed`, then `subscription.ended` after the last cycle); a `past_due` one
 *   becomes `active` again.
 * Every write, webhook events included, is in `transaction`.
 */
export async function onCheckoutSessionSettled(
  transaction: DatabaseSession,
  session: CheckoutSessionRecord,
  now: Date,
): Promise<OnCheckoutSessionSettledReturnType> {
  const invoices = await transaction.query<{ subscription_id: string }>(
    'select subscription_id from subscription_invoices where session_id = $1',
    [session.id],
  );
  const invoiceOwner = invoices.rows[0];
  if (invoiceOwner !== undefined) {
    if (!paidStatuses.has(session.status)) return { outcome: 'not_paid' };
    return recordRenewalPayment(transaction, session, invoiceOwner.subscription_id, now);
  }
  const checkouts = await transaction.query<{
    session_id: string;
    merchant_id: string;
    plan_id: string;
    metadata: Record<string, string>;
  }>(
    `select session_id, merchant_id, plan_id, metadata from subscription_checkouts
     where session_id = $1 for update`,
    [session.id],
  );
  const checkout = checkouts.rows[0];
  if (checkout === undefined) return { outcome: 'not_subscription' };
  if (!paidStatuses.has(session.status)) return { outcome: 'not_paid' };

  const existing = await transaction.query<{ id: string }>(
    'select id from subscriptions where checkout_session_id = $1',
    [session.id],
  );
  const existingId = existing.rows[0]?.id;
  if (existingId !== undefined) {
    const subscription = await lockSubscription({ transaction, id: existingId });
    if (subscription === undefined) throw new Error(`subscription ${existingId} vanished`);
    const paidInvoice = await transaction.query(
      'select 1 from subscription_invoices where session_id = $1',
      [session.id],
    );
    return paidInvoice.rows.length > 0
      ? { outcome: 'already_recorded' }
      : { outcome: 'paid_while_inactive', subscription };
  }

  const payments = await transaction.query<{ quote_id: string; from_address: string }>(
    `select quote_id, from_address from checkout_payments
     where session_id = $1 and status = 'confirmed'
     order by seq limit 1`,
    [session.id],
  );
  const payment = payments.rows[0];
  const quote =
    payment === undefined
      ? undefined
      : await readLatestQuote({
          db: transaction,
          sessionId: session.id,
          quoteId: payment.quote_id,
        });
  if (payment === undefined || quote === undefined) return { outcome: 'payment_not_found' };
  const plan = await readPlan({
    db: transaction,
    id: checkout.plan_id,
    merchantId: checkout.merchant_id,
  });
  if (plan === undefined) throw new Error(`plan ${checkout.plan_id} vanished`);
  const { subscription } = await startSubscription({
    transaction,
    checkout: {
      sessionId: checkout.session_id,
      merchantId: checkout.merchant_id,
      metadata: checkout.metadata,
    },
    plan,
    quote,
    subscriber: payment.from_address,
    isFirstPeriodPaid: true,
    now,
  });
  return { outcome: 'subscription_started', subscription };
}

async function recordRenewalPayment(
  transaction: DatabaseSession,
  session: CheckoutSessionRecord,
  subscriptionId: string,
  now: Date,
): Promise<OnCheckoutSessionSettledReturnType> {
  const subscription = await lockSubscription({ transaction, id: subscriptionId });
  if (subscription === undefined) throw new Error(`subscription ${subscriptionId} vanished`);
  const { rows } = await transaction.query<InvoiceRow>(
    `select ${invoiceColumns} from subscription_invoices where session_id = $1 for update`,
    [session.id],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`the invoice of session ${session.id} vanished`);
  const invoice = toInvoiceRecord(row);
  if (invoice.status === 'paid') return { outcome: 'already_recorded' };
  await transaction.query(
    `update subscription_invoices set status = 'paid', paid_at = $2, updated_at = $2
     where id = $1`,
    [invoice.id, now],
  );
  const isLive = ['trialing', 'active', 'past_due'].includes(subscription.status);
  if (!isLive || invoice.status === 'void' || invoice.periodIndex !== subscription.paidPeriods) {
    return { outcome: 'paid_while_inactive', subscription };
  }
  const plan = await readPlan({
    db: transaction,
    id: subscription.planId,
    merchantId: subscription.merchantId,
  });
  if (plan === undefined) throw new Error(`plan ${subscription.planId} vanished`);
  const isLastCycle = plan.cycles !== null && subscription.paidPeriods + 1 >= plan.cycles;
  const applied = await applySubscriptionEvent({
    transaction,
    subscription,
    plan,
    event: { type: 'invoice_paid', isLastCycle },
    now,
  });
  return { outcome: 'renewed', subscription: applied.subscription };
}

import { getAddress } from 'viem';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { WebhookEvent } from '../../shared/webhooks/WebhookEvent.ts';
import { addIntervals } from '../../shared/subscriptions/addIntervals.ts';
import { computeSubscriptionGrant } from '../../shared/subscriptions/computeSubscriptionGrant.ts';
import type { ComputeSubscriptionGrantErrorType } from '../../shared/subscriptions/computeSubscriptionGrant.ts';
import type { DatabaseSession } from '../db/Database.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import { enqueueWebhookEvent } from '../webhooks/enqueueWebhookEvent.ts';
import type { PlanRecord } from './PlanRecord.ts';
import { subscriptionColumns, toSubscriptionRecord } from './SubscriptionRecord.ts';
import type { SubscriptionRecord, SubscriptionRow } from './SubscriptionRecord.ts';
import { toPlanResponse } from './toPlanResponse.ts';
import { toSubscriptionResponse } from './toSubscriptionResponse.ts';

export type StartSubscriptionParameters = {
  /** An open transaction in which the caller locked the subscription checkout's row. */
  transaction: DatabaseSession;
  /** The subscription's first checkout session (`subscription_checkouts`). */
  checkout: { sessionId: string; merchantId: string; metadata: Readonly<Record<string, string>> };
  plan: PlanRecord;
  /** The quote the shopper paid (or chose, for a trial): it fixes the asset and the allowance. */
  quote: Pick<
    CheckoutQuote,
    'chain_id' | 'asset' | 'token_address' | 'decimals' | 'recipient' | 'amount' | 'created_at'
  >;
  /** Who paid, or signed the trial start. */
  subscriber: string;
  /** true: the checkout session paid period 0; false: a trial started without payment. */
  isFirstPeriodPaid: boolean;
  now: Date;
};

export type StartSubscriptionReturnType = {
  subscription: SubscriptionRecord;
  webhookEvent: WebhookEvent;
};

export type StartSubscriptionErrorType = ComputeSubscriptionGrantErrorType;

/**
 * Creates the subscription of a subscription checkout, with `subscription.created`, in the
 * caller's transaction. Period 0 starts at the grant's `start_time` (the quote's lock time, plus
 * the trial). Paid: period 0 is recorded as a paid invoice collected by the checkout session
 * itself, and the subscription is `active` (`trialing` while a trial runs). Unpaid (a trial):
 * `trialing`, and period 0 is billed like any renewal when the trial ends.
 */
export async function startSubscription({
  transaction,
  checkout,
  plan,
  quote,
  subscriber,
  isFirstPeriodPaid,
  now,
}: StartSubscriptionParameters): Promise<StartSubscriptionReturnType> {
  const grant = computeSubscriptionGrant({
    plan: toPlanResponse({ plan, includeMetadata: false }),
    quote,
  });
  const anchor = new Date(grant.start_time * 1000);
  const periodsPaid = isFirstPeriodPaid ? 1 : 0;
  const nextRenewalAt = addIntervals({ anchor, interval: plan.interval, periods: periodsPaid });
  const hasTrial = plan.trialDays > 0;
  const { rows } = await transaction.query<SubscriptionRow>(
    `insert into subscriptions
       (id, merchant_id, plan_id, checkout_session_id, status, subscriber, grant_terms,
        billing_anchor, trial_end, paid_periods, next_renewal_at, metadata, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     returning ${subscriptionColumns}`,
    [
      createResourceId('sub'),
      checkout.merchantId,
      plan.id,
      checkout.sessionId,
      hasTrial ? 'trialing' : 'active',
      getAddress(subscriber),
      JSON.stringify(grant),
      anchor,
      hasTrial ? anchor : null,
      periodsPaid,
      nextRenewalAt,
      JSON.stringify(checkout.metadata),
      now,
    ],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('insert … returning gave no row');
  const subscription = toSubscriptionRecord(row);
  if (isFirstPeriodPaid) {
    await transaction.query(
      `insert into subscription_invoices
         (id, subscription_id, period_index, session_id, status, period_start, period_end,
          grace_ends_at, paid_at, created_at, updated_at)
       values ($1, $2, 0, $3, 'paid', $4, $5, $6, $7, $7, $7)`,
      [
        createResourceId('inv'),
        subscription.id,
        checkout.sessionId,
        anchor,
        nextRenewalAt,
        new Date(anchor.getTime() + grant.grace_period_seconds * 1000),
        now,
      ],
    );
  }
  const { event: webhookEvent } = await enqueueWebhookEvent(transaction, {
    merchantId: subscription.merchantId,
    type: 'subscription.created',
    data: toSubscriptionResponse({ subscription, plan, now, includeMetadata: true }),
    now,
  });
  return { subscription, webhookEvent };
}

import type { WebhookEvent } from '../../shared/webhooks/WebhookEvent.ts';
import type { WebhookEventType } from '../../shared/webhooks/webhookEventTypes.ts';
import { addIntervals } from '../../shared/subscriptions/addIntervals.ts';
import type { DatabaseSession } from '../db/Database.ts';
import { enqueueWebhookEvent } from '../webhooks/enqueueWebhookEvent.ts';
import type { PlanRecord } from './PlanRecord.ts';
import { subscriptionColumns, toSubscriptionRecord } from './SubscriptionRecord.ts';
import type { SubscriptionRecord, SubscriptionRow } from './SubscriptionRecord.ts';
import { toSubscriptionResponse } from './toSubscriptionResponse.ts';
import { transitionSubscription } from './transitionSubscription.ts';
import type {
  SubscriptionEvent,
  TransitionSubscriptionErrorType,
} from './transitionSubscription.ts';

export type ApplySubscriptionEventParameters = {
  /** An open transaction in which the caller locked the subscription's row (`for update`). */
  transaction: DatabaseSession;
  /** As read under that lock. */
  subscription: SubscriptionRecord;
  plan: PlanRecord;
  event: SubscriptionEvent;
  now: Date;
};

export type ApplySubscriptionEventReturnType = {
  subscription: SubscriptionRecord;
  /** The webhook events written, in order. */
  webhookEvents: WebhookEvent[];
};

export type ApplySubscriptionEventErrorType = TransitionSubscriptionErrorType;

/**
 * Moves a stored subscription through `transitionSubscription`, updates what goes with the event
 * (periods paid and the next due date, the cancellation, the end) and writes the webhook events
 * in the same transaction, so the change and its events exist together or not at all:
 * `invoice_paid` → `subscription.renewed` (then `subscription.ended` after the last cycle),
 * `grace_expired` → `subscription.past_due`, `cancel` → `subscription.canceled` (and the
 * invoices still unpaid become `void`). The only code that changes a subscription's status.
 */
export async function applySubscriptionEvent({
  transaction,
  subscription,
  plan,
  event,
  now,
}: ApplySubscriptionEventParameters): Promise<ApplySubscriptionEventReturnType> {
  const status = transitionSubscription(subscription.status, event);
  let paidPeriods = subscription.paidPeriods;
  let nextRenewalAt = subscription.nextRenewalAt;
  let canceledAt = subscription.canceledAt;
  let cancellationReason = subscription.cancellationReason;
  let endedAt = subscription.endedAt;
  const types: WebhookEventType[] = [];
  switch (event.type) {
    case 'invoice_paid':
      paidPeriods += 1;
      nextRenewalAt =
        status === 'ended'
          ? null
          : addIntervals({
              anchor: subscription.billingAnchor,
              interval: plan.interval,
              periods: paidPeriods,
            });
      if (status === 'ended') endedAt = now;
      types.push('subscription.renewed');
      if (status === 'ended') types.push('subscription.ended');
      break;
    case 'grace_expired':
      types.push('subscription.past_due');
      break;
    case 'cancel':
      canceledAt = now;
      cancellationReason = event.reason;
      nextRenewalAt = null;
      await transaction.query(
        `update subscription_invoices set status = 'void', updated_at = $2
         where subscription_id = $1 and status in ('open', 'missed')`,
        [subscription.id, now],
      );
      types.push('subscription.canceled');
      break;
  }

  const { rows } = await transaction.query<SubscriptionRow>(
    `update subscriptions
     set status = $2, paid_periods = $3, next_renewal_at = $4, canceled_at = $5,
         cancellation_reason = $6, ended_at = $7, updated_at = $8
     where id = $1
     returning ${subscriptionColumns}`,
    [
      subscription.id,
      status,
      paidPeriods,
      nextRenewalAt,
      canceledAt,
      cancellationReason,
      endedAt,
      now,
    ],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`subscription ${subscription.id} does not exist`);
  const updated = toSubscriptionRecord(row);
  const data = toSubscriptionResponse({ subscription: updated, plan, now, includeMetadata: true });
  const webhookEvents: WebhookEvent[] = [];
  for (const type of types) {
    const { event: written } = await enqueueWebhookEvent(transaction, {
      merchantId: updated.merchantId,
      type,
      data,
      now,
    });
    webhookEvents.push(written);
  }
  return { subscription: updated, webhookEvents };
}

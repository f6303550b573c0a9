import type { CancellationReason } from '../../shared/providerApi/Subscription.ts';
import { addIntervals } from '../../shared/subscriptions/addIntervals.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { applySubscriptionEvent } from './applySubscriptionEvent.ts';
import { lockSubscription } from './lockSubscription.ts';
import type { PlanRecord } from './PlanRecord.ts';
import { readPlan } from './readPlan.ts';
import { subscriptionColumns, toSubscriptionRecord } from './SubscriptionRecord.ts';
import type { SubscriptionRecord, SubscriptionRow } from './SubscriptionRecord.ts';

export type CancelSubscriptionParameters = {
  db: Database;
  merchantId: string;
  subscriptionId: string;
  /** true: when the paid time ends (nothing more is billed); false: now. */
  atPeriodEnd: boolean;
  reason: Exclude<CancellationReason, 'unpaid'>;
  now: Date;
};
export type CancelSubscriptionReturnType = { subscription: SubscriptionRecord; plan: PlanRecord };
export type CancelSubscriptionErrorType = ApiError;

/**
 * Cancels now (`subscription.canceled`; unpaid invoices become `void`), or schedules it for the
 * end of the paid time (`cancel_at` = `paid_through`): no renewal falls due from then on, and
 * the sweeper cancels it at that time. Scheduling when the paid time is already over (past due,
 * or a trial that ended unpaid) cancels now. Canceled or ended: 409 `subscription_not_active`.
 */
export async function cancelSubscription({
  db,
  merchantId,
  subscriptionId,
  atPeriodEnd,
  reason,
  now,
}: CancelSubscriptionParameters): Promise<CancelSubscriptionReturnType> {
  return db.transaction(async (transaction) => {
    const subscription = await lockSubscription({ transaction, id: subscriptionId, merchantId });
    if (subscription === undefined) {
      throw new ApiError({ code: 'not_found', message: 'No such subscription.', param: 'id' });
    }
    if (subscription.status === 'canceled' || subscription.status === 'ended') {
      throw new ApiError({
        code: 'subscription_not_active',
        message: `This subscription is ${subscription.status}: nothing to cancel.`,
      });
    }
    const plan = await readPlan({ db: transaction, id: subscription.planId, merchantId });
    if (plan === undefined) throw new Error(`plan ${subscription.planId} vanished`);
    const paidThrough = addIntervals({
      anchor: subscription.billingAnchor,
      interval: plan.interval,
      periods: subscription.paidPeriods,
    });
    if (atPeriodEnd && paidThrough.getTime() > now.getTime()) {
      const { rows } = await transaction.query<SubscriptionRow>(
        `update subscriptions set cancel_at = $2, cancellation_reason = $3, updated_at = $4
         where id = $1
         returning ${subscriptionColumns}`,
        [subscription.id, paidThrough, reason, now],
      );
      const row = rows[0];
      if (row === undefined) throw new Error('update … returning gave no row');
      return { subscription: toSubscriptionRecord(row), plan };
    }
    const applied = await applySubscriptionEvent({
      transaction,
      subscription,
      plan,
      event: { type: 'cancel', reason },
      now,
    });
    return { subscription: applied.subscription, plan };
  });
}

import type { Database, DatabaseSession } from '../db/Database.ts';
import { applySubscriptionEvent } from './applySubscriptionEvent.ts';
import { lockSubscription } from './lockSubscription.ts';
import { readPlan } from './readPlan.ts';
import type { SubscriptionRecord } from './SubscriptionRecord.ts';
import type { SubscriptionEvent } from './transitionSubscription.ts';

export type AdvanceSubscriptionDeadlinesParameters = {
  db: Database;
  now: Date;
  /** Subscriptions looked at per step (default 100). */
  limit?: number;
};
export type AdvanceSubscriptionDeadlinesReturnType = {
  /** Scheduled cancellations that took effect. */
  canceled: number;
  /** Renewals not paid within their grace period: the subscription is now past_due. */
  pastDue: number;
  /** Past-due subscriptions whose unpaid period ended: canceled (`unpaid`). */
  canceledUnpaid: number;
};

/**
 * The clock's side of the state machine, in this order: scheduled cancellations whose time has
 * come (`subscription.canceled`); invoices unpaid at the end of their grace period become
 * `missed` and their subscription `past_due` (`subscription.past_due`); a past-due subscription
 * whose unpaid period is over is canceled for non-payment (`subscription.canceled`, reason
 * `unpaid`). Each change is one transaction with its webhook; rows another process holds are
 * skipped (`SKIP LOCKED`) and picked up by the next run. After a long outage one run catches up
 * (a subscription can go past_due and then canceled in the same run).
 */
export async function advanceSubscriptionDeadlines({
  db,
  now,
  limit = 100,
}: AdvanceSubscriptionDeadlinesParameters): Promise<AdvanceSubscriptionDeadlinesReturnType> {
  const scheduled = await db.query<{ id: string }>(
    `select id from subscriptions
     where cancel_at <= $1 and status in ('trialing', 'active', 'past_due')
     order by cancel_at, id limit $2`,
    [now, limit],
  );
  let canceled = 0;
  for (const { id } of scheduled.rows) {
    const isDone = await applyIfStill(db, id, now, (subscription) =>
      // Re-checked under the lock: a concurrent sweep may have canceled it since the select.
      subscription.status !== 'canceled' &&
      subscription.status !== 'ended' &&
      subscription.cancelAt !== null &&
      subscription.cancelAt.getTime() <= now.getTime() &&
      subscription.cancellationReason !== null &&
      subscription.cancellationReason !== 'unpaid'
        ? { type: 'cancel', reason: subscription.cancellationReason }
        : undefined,
    );
    if (isDone) canceled += 1;
  }

  const graceOver = await db.query<{ subscription_id: string }>(
    `select distinct i.subscription_id from subscription_invoices i
     join subscriptions s on s.id = i.subscription_id
     where i.status = 'open' and i.grace_ends_at <= $1 and s.status in ('trialing', 'active')
     limit $2`,
    [now, limit],
  );
  let pastDue = 0;
  for (const { subscription_id: id } of graceOver.rows) {
    const isDone = await applyIfStill(db, id, now, async (subscription, transaction) => {
      if (subscription.status !== 'trialing' && subscription.status !== 'active') return undefined;
      const missed = await transaction.query(
        `update subscription_invoices set status = 'missed', updated_at = $3
         where subscription_id = $1 and period_index = $2 and status = 'open'
           and grace_ends_at <= $3
         returning id`,
        [subscription.id, subscription.paidPeriods, now],
      );
      return missed.rows.length > 0 ? { type: 'grace_expired' } : undefined;
    });
    if (isDone) pastDue += 1;
  }

  const periodOver = await db.query<{ subscription_id: string }>(
    `select i.subscription_id from subscription_invoices i
     join subscriptions s on s.id = i.subscription_id
     where i.status = 'missed' and i.period_end <= $1 and s.status = 'past_due'
       and i.period_index = s.paid_periods
     limit $2`,
    [now, limit],
  );
  let canceledUnpaid = 0;
  for (const { subscription_id: id } of periodOver.rows) {
    const isDone = await applyIfStill(db, id, now, async (subscription, transaction) => {
      if (subscription.status !== 'past_due') return undefined;
      const over = await transaction.query(
        `select 1 from subscription_invoices
         where subscription_id = $1 and period_index = $2 and status = 'missed'
           and period_end <= $3`,
        [subscription.id, subscription.paidPeriods, now],
      );
      return over.rows.length > 0 ? { type: 'cancel', reason: 'unpaid' } : undefined;
    });
    if (isDone) canceledUnpaid += 1;
  }
  return { canceled, pastDue, canceledUnpaid };
}

/**
 * Locks the subscription (skipping it if another process holds it), asks `decide` again under
 * the lock (what was selected may have changed), and applies the event it returns.
 */
async function applyIfStill(
  db: Database,
  id: string,
  now: Date,
  decide: (
    subscription: SubscriptionRecord,
    transaction: DatabaseSession,
  ) => SubscriptionEvent | undefined | Promise<SubscriptionEvent | undefined>,
): Promise<boolean> {
  return db.transaction(async (transaction) => {
    const subscription = await lockSubscription({ transaction, id, whenLocked: 'skip' });
    if (subscription === undefined) return false;
    const event = await decide(subscription, transaction);
    if (event === undefined) return false;
    const plan = await readPlan({
      db: transaction,
      id: subscription.planId,
      merchantId: subscription.merchantId,
    });
    if (plan === undefined) throw new Error(`plan ${subscription.planId} vanished`);
    await applySubscriptionEvent({ transaction, subscription, plan, event, now });
    return true;
  });
}

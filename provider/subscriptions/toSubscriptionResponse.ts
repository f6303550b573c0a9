import type { Subscription } from '../../shared/providerApi/Subscription.ts';
import { addIntervals } from '../../shared/subscriptions/addIntervals.ts';
import { findPeriod } from '../../shared/subscriptions/findPeriod.ts';
import type { PlanRecord } from './PlanRecord.ts';
import type { SubscriptionRecord } from './SubscriptionRecord.ts';

export type ToSubscriptionResponseParameters = {
  subscription: SubscriptionRecord;
  plan: PlanRecord;
  /** For `current_period`. */
  now: Date;
  /** The merchant's own strings go only to the secret key's holder (and into webhooks). */
  includeMetadata: boolean;
};
export type ToSubscriptionResponseReturnType = Subscription;

/** The subscription as the API and its webhooks show it. */
export function toSubscriptionResponse({
  subscription,
  plan,
  now,
  includeMetadata,
}: ToSubscriptionResponseParameters): ToSubscriptionResponseReturnType {
  const anchor = subscription.billingAnchor;
  const interval = plan.interval;
  const isLive = ['trialing', 'active', 'past_due'].includes(subscription.status);
  const period =
    isLive && now.getTime() >= anchor.getTime()
      ? findPeriod({ anchor, interval, at: now })
      : undefined;
  const isWithinCycles =
    period !== undefined && (plan.cycles === null || period.index < plan.cycles);
  return {
    id: subscription.id,
    object: 'subscription',
    plan: subscription.planId,
    status: subscription.status,
    subscriber: subscription.subscriber,
    amount_minor: plan.amountMinor.toString(),
    currency: plan.currency,
    billing_anchor: anchor.toISOString(),
    trial_end: subscription.trialEnd?.toISOString() ?? null,
    current_period:
      period !== undefined && isWithinCycles
        ? { index: period.index, start: period.start.toISOString(), end: period.end.toISOString() }
        : null,
    paid_periods: subscription.paidPeriods,
    paid_through: addIntervals({
      anchor,
      interval,
      periods: subscription.paidPeriods,
    }).toISOString(),
    next_renewal_at: isLive ? (subscription.nextRenewalAt?.toISOString() ?? null) : null,
    cancel_at: subscription.cancelAt?.toISOString() ?? null,
    canceled_at: subscription.canceledAt?.toISOString() ?? null,
    cancellation_reason: subscription.cancellationReason,
    ended_at: subscription.endedAt?.toISOString() ?? null,
    grant: { ...subscription.grant },
    checkout_session: subscription.checkoutSessionId,
    ...(includeMetadata ? { metadata: { ...subscription.metadata } } : {}),
    created_at: subscription.createdAt.toISOString(),
  };
}

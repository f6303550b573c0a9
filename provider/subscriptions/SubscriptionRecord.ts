import type {
  CancellationReason,
  SubscriptionGrant,
  SubscriptionStatus,
} from '../../shared/providerApi/Subscription.ts';

/** A subscription as stored (`subscriptions`). */
export type SubscriptionRecord = {
  readonly id: string;
  readonly merchantId: string;
  readonly planId: string;
  readonly checkoutSessionId: string;
  readonly status: SubscriptionStatus;
  /** EIP-55. */
  readonly subscriber: string;
  /** What the wallet was asked to grant; renewals are billed in exactly this token and chain. */
  readonly grant: SubscriptionGrant;
  /** The start of period 0. */
  readonly billingAnchor: Date;
  readonly trialEnd: Date | null;
  /** Periods paid; the next one to bill is period number `paidPeriods`. */
  readonly paidPeriods: number;
  readonly nextRenewalAt: Date | null;
  readonly cancelAt: Date | null;
  readonly canceledAt: Date | null;
  readonly cancellationReason: CancellationReason | null;
  readonly endedAt: Date | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

export type SubscriptionRow = {
  id: string;
  merchant_id: string;
  plan_id: string;
  checkout_session_id: string;
  status: SubscriptionStatus;
  subscriber: string;
  grant_terms: SubscriptionGrant;
  billing_anchor: Date;
  trial_end: Date | null;
  paid_periods: number;
  next_renewal_at: Date | null;
  cancel_at: Date | null;
  canceled_at: Date | null;
  cancellation_reason: CancellationReason | null;
  ended_at: Date | null;
  metadata: Record<string, string>;
  created_at: Date;
  updated_at: Date;
};

export const subscriptionColumns =
  'id, merchant_id, plan_id, checkout_session_id, status, subscriber, grant_terms, ' +
  'billing_anchor, trial_end, paid_periods, next_renewal_at, cancel_at, canceled_at, ' +
  'cancellation_reason, ended_at, metadata, created_at, updated_at';

export function toSubscriptionRecord(row: SubscriptionRow): SubscriptionRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    planId: row.plan_id,
    checkoutSessionId: row.checkout_session_id,
    status: row.status,
    subscriber: row.subscriber,
    grant: row.grant_terms,
    billingAnchor: row.billing_anchor,
    trialEnd: row.trial_end,
    paidPeriods: row.paid_periods,
    nextRenewalAt: row.next_renewal_at,
    cancelAt: row.cancel_at,
    canceledAt: row.canceled_at,
    cancellationReason: row.cancellation_reason,
    endedAt: row.ended_at,
    metadata: row.metadata,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A subscription's first checkout session, linked to its plan (`subscription_checkouts`). */
export type SubscriptionCheckoutRecord = {
  readonly sessionId: string;
  readonly merchantId: string;
  readonly planId: string;
  /** Copied to the subscription, and to every renewal session. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly createdAt: Date;
};

export type SubscriptionCheckoutRow = {
  session_id: string;
  merchant_id: string;
  plan_id: string;
  metadata: Record<string, string>;
  created_at: Date;
};

export const subscriptionCheckoutColumns = 'session_id, merchant_id, plan_id, metadata, created_at';

export function toSubscriptionCheckoutRecord(
  row: SubscriptionCheckoutRow,
): SubscriptionCheckoutRecord {
  return {
    sessionId: row.session_id,
    merchantId: row.merchant_id,
    planId: row.plan_id,
    metadata: row.metadata,
    createdAt: row.created_at,
  };
}

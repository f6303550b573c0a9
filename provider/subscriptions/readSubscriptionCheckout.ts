import type { DatabaseSession } from '../db/Database.ts';
import type { PlanRecord } from './PlanRecord.ts';
import { readPlan } from './readPlan.ts';
import {
  subscriptionCheckoutColumns,
  toSubscriptionCheckoutRecord,
} from './SubscriptionCheckoutRecord.ts';
import type {
  SubscriptionCheckoutRecord,
  SubscriptionCheckoutRow,
} from './SubscriptionCheckoutRecord.ts';

export type ReadSubscriptionCheckoutParameters = {
  db: DatabaseSession;
  sessionId: string;
  /** Only this merchant's, when given; another's is as absent as a made-up id. */
  merchantId?: string;
};
export type ReadSubscriptionCheckoutReturnType =
  | {
      checkout: SubscriptionCheckoutRecord;
      plan: PlanRecord;
      /** The subscription created from it, once there is one. */
      subscriptionId: string | null;
      expiresAt: Date;
    }
  | undefined;

/**
 * Whether a checkout session is a subscription's first one, and for which plan. Payment
 * detection and the widget can both ask: `undefined` means an ordinary one-time session.
 */
export async function readSubscriptionCheckout({
  db,
  sessionId,
  merchantId,
}: ReadSubscriptionCheckoutParameters): Promise<ReadSubscriptionCheckoutReturnType> {
  const { rows } = await db.query<
    SubscriptionCheckoutRow & { subscription_id: string | null; expires_at: Date }
  >(
    `select ${subscriptionCheckoutColumns
      .split(', ')
      .map((column) => `c.${column}`)
      .join(', ')}, s.id as subscription_id, cs.expires_at
     from subscription_checkouts c
     join checkout_sessions cs on cs.id = c.session_id
     left join subscriptions s on s.checkout_session_id = c.session_id
     where c.session_id = $1 and ($2::text is null or c.merchant_id = $2)`,
    [sessionId, merchantId ?? null],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const checkout = toSubscriptionCheckoutRecord(row);
  const plan = await readPlan({ db, id: checkout.planId, merchantId: checkout.merchantId });
  if (plan === undefined) throw new Error(`plan ${checkout.planId} vanished`);
  return { checkout, plan, subscriptionId: row.subscription_id, expiresAt: row.expires_at };
}

import type { DatabaseSession } from '../db/Database.ts';
import type { PlanRecord } from './PlanRecord.ts';
import { readPlan } from './readPlan.ts';
import { subscriptionColumns, toSubscriptionRecord } from './SubscriptionRecord.ts';
import type { SubscriptionRecord, SubscriptionRow } from './SubscriptionRecord.ts';

export type ReadSubscriptionParameters = {
  db: DatabaseSession;
  id: string;
  /** Only this merchant's subscriptions are found: another's is as absent as a made-up id. */
  merchantId: string;
};
export type ReadSubscriptionReturnType =
  { subscription: SubscriptionRecord; plan: PlanRecord } | undefined;

/** One subscription of one merchant, with its plan. */
export async function readSubscription({
  db,
  id,
  merchantId,
}: ReadSubscriptionParameters): Promise<ReadSubscriptionReturnType> {
  const { rows } = await db.query<SubscriptionRow>(
    `select ${subscriptionColumns} from subscriptions where id = $1 and merchant_id = $2`,
    [id, merchantId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const subscription = toSubscriptionRecord(row);
  const plan = await readPlan({ db, id: subscription.planId, merchantId });
  if (plan === undefined) throw new Error(`plan ${subscription.planId} vanished`);
  return { subscription, plan };
}

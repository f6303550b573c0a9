import type { DatabaseSession } from '../db/Database.ts';
import { subscriptionColumns, toSubscriptionRecord } from './SubscriptionRecord.ts';
import type { SubscriptionRecord, SubscriptionRow } from './SubscriptionRecord.ts';

export type LockSubscriptionParameters = {
  /** An open transaction: the lock holds until it ends. */
  transaction: DatabaseSession;
  id: string;
  /** Only this merchant's subscription, when given. */
  merchantId?: string;
  /** `skip`: answer undefined at once when another transaction holds it (sweepers). */
  whenLocked?: 'wait' | 'skip';
};
export type LockSubscriptionReturnType = SubscriptionRecord | undefined;

/*
 * Lock order, everywhere: a checkout session (payment detection holds it when it calls
 * onCheckoutSessionSettled), then the subscription, then its invoices. Nothing here locks an
 * existing checkout session after a subscription, so the two can never wait on each other.
 */

/** Reads a subscription and locks its row (`for update`) for the rest of the transaction. */
export async function lockSubscription({
  transaction,
  id,
  merchantId,
  whenLocked = 'wait',
}: LockSubscriptionParameters): Promise<LockSubscriptionReturnType> {
  const { rows } = await transaction.query<SubscriptionRow>(
    `select ${subscriptionColumns} from subscriptions
     where id = $1 and ($2::text is null or merchant_id = $2)
     for update${whenLocked === 'skip' ? ' skip locked' : ''}`,
    [id, merchantId ?? null],
  );
  const row = rows[0];
  return row === undefined ? undefined : toSubscriptionRecord(row);
}

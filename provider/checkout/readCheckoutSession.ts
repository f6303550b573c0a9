import type { Database } from '../db/Database.ts';
import type { CheckoutSessionRecord, CheckoutSessionRow } from './CheckoutSessionRecord.ts';
import { checkoutSessionColumns, toCheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { expireSessionIfDue } from './expireSessionIfDue.ts';

export type ReadCheckoutSessionParameters = {
  db: Database;
  id: string;
  /** Only this merchant's sessions are found: another's is as absent as a made-up id. */
  merchantId: string;
  now: Date;
};
export type ReadCheckoutSessionReturnType = CheckoutSessionRecord | undefined;

/**
 * One session of one merchant, brought up to date with the clock first: an open session past
 * `expires_at` is expired here (stored, with its `checkout.session.expired` event), so the API
 * never shows it open between two runs of the expiry sweeper.
 */
export async function readCheckoutSession({
  db,
  id,
  merchantId,
  now,
}: ReadCheckoutSessionParameters): Promise<ReadCheckoutSessionReturnType> {
  const select = `select ${checkoutSessionColumns} from checkout_sessions
                  where id = $1 and merchant_id = $2`;
  const { rows } = await db.query<CheckoutSessionRow>(select, [id, merchantId]);
  const row = rows[0];
  if (row === undefined) return undefined;
  if (row.status !== 'open' || now.getTime() < row.expires_at.getTime()) {
    return toCheckoutSessionRecord(row);
  }
  return db.transaction(async (transaction) => {
    // Under the row lock: the watcher may have seen a payment in between, which wins.
    await expireSessionIfDue({ transaction, sessionId: id, now });
    const current = await transaction.query<CheckoutSessionRow>(select, [id, merchantId]);
    const currentRow = current.rows[0];
    return currentRow === undefined ? undefined : toCheckoutSessionRecord(currentRow);
  });
}

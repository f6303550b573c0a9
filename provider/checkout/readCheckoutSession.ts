import type { DatabaseSession } from '../db/Database.ts';
import type { CheckoutSessionRecord, CheckoutSessionRow } from './CheckoutSessionRecord.ts';
import { checkoutSessionColumns, toCheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { transitionSession } from './transitionSession.ts';

export type ReadCheckoutSessionParameters = {
  db: DatabaseSession;
  id: string;
  /** Only this merchant's sessions are found: another's is as absent as a made-up id. */
  merchantId: string;
  now: Date;
};
export type ReadCheckoutSessionReturnType = CheckoutSessionRecord | undefined;

/**
 * One session of one merchant, brought up to date with the clock first: an open session past
 * `expires_at` is expired here, on read (and stored so), rather than by a sweeper.
 */
export async function readCheckoutSession({
  db,
  id,
  merchantId,
  now,
}: ReadCheckoutSessionParameters): Promise<ReadCheckoutSessionReturnType> {
  const { rows } = await db.query<CheckoutSessionRow>(
    `select ${checkoutSessionColumns} from checkout_sessions where id = $1 and merchant_id = $2`,
    [id, merchantId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  if (row.status !== 'open' || now.getTime() < row.expires_at.getTime()) {
    return toCheckoutSessionRecord(row);
  }
  const expired = await db.query<CheckoutSessionRow>(
    `update checkout_sessions set status = $2, updated_at = $3
     where id = $1 and status = 'open'
     returning ${checkoutSessionColumns}`,
    [id, transitionSession(row.status, { type: 'expire' }), now],
  );
  const updated = expired.rows[0];
  if (updated !== undefined) return toCheckoutSessionRecord(updated);
  // Another request changed it in between (expired it too, or saw a payment): read what it is.
  return readCheckoutSession({ db, id, merchantId, now });
}

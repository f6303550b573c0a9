import type { DatabaseSession } from '../db/Database.ts';
import type { CheckoutSessionRecord, CheckoutSessionRow } from './CheckoutSessionRecord.ts';
import { checkoutSessionColumns, toCheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import type { NewCheckoutSession } from './parseCreateSessionBody.ts';

export type InsertCheckoutSessionParameters = {
  db: DatabaseSession;
  merchantId: string;
  session: NewCheckoutSession;
  now: Date;
};
export type InsertCheckoutSessionReturnType = CheckoutSessionRecord;

/** Stores a new, open session; it expires `expiresInSeconds` after `now`, on a whole second. */
export async function insertCheckoutSession({
  db,
  merchantId,
  session,
  now,
}: InsertCheckoutSessionParameters): Promise<InsertCheckoutSessionReturnType> {
  const expiresAt = new Date(
    Math.floor(now.getTime() / 1000) * 1000 + session.expiresInSeconds * 1000,
  );
  const { rows } = await db.query<CheckoutSessionRow>(
    `insert into checkout_sessions
       (id, merchant_id, status, amount_minor, currency, recipients, accepted_assets, metadata,
        success_url, expires_at, created_at, updated_at)
     values ($1, $2, 'open', $3, $4, $5, $6, $7, $8, $9, $10, $10)
     returning ${checkoutSessionColumns}`,
    [
      createResourceId('cs'),
      merchantId,
      session.amountMinor,
      session.currency,
      JSON.stringify(session.recipients),
      JSON.stringify(session.acceptedAssets),
      JSON.stringify(session.metadata),
      session.successUrl,
      expiresAt,
      now,
    ],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('insert … returning gave no row');
  return toCheckoutSessionRecord(row);
}

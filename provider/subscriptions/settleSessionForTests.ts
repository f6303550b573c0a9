// Test support: what payment detection (provider/checkout/applyChainObservations) does when a
// transfer for a session is confirmed on a quorum, reduced to its effect on the database: a
// confirmed payment row, the session's new status, and the call to onCheckoutSessionSettled, all
// in one transaction. No chain is needed to test subscriptions against it.
import { randomBytes } from 'node:crypto';
import type { SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import {
  checkoutSessionColumns,
  toCheckoutSessionRecord,
} from '../checkout/CheckoutSessionRecord.ts';
import type { CheckoutSessionRow } from '../checkout/CheckoutSessionRecord.ts';
import type { Database } from '../db/Database.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import { onCheckoutSessionSettled } from './onCheckoutSessionSettled.ts';
import type { OnCheckoutSessionSettledReturnType } from './onCheckoutSessionSettled.ts';
import { readLatestQuote } from './readLatestQuote.ts';

export type SettleSessionForTestsParameters = {
  db: Database;
  sessionId: string;
  /** The paying address. */
  from: string;
  now: Date;
  /** Default: `settled`. */
  status?: Extract<SessionStatus, 'settled' | 'overpaid' | 'paid_late' | 'underpaid'>;
  /** Default: the session's newest quote. */
  quoteId?: string;
};

/** Pays the session's quote in full (as far as the database can tell) and tells subscriptions. */
export async function settleSessionForTests({
  db,
  sessionId,
  from,
  now,
  status = 'settled',
  quoteId,
}: SettleSessionForTestsParameters): Promise<OnCheckoutSessionSettledReturnType> {
  return db.transaction(async (transaction) => {
    const quote = await readLatestQuote({
      db: transaction,
      sessionId,
      ...(quoteId === undefined ? {} : { quoteId }),
    });
    if (quote === undefined) throw new Error(`session ${sessionId} has no quote to pay`);
    await transaction.query(
      `insert into checkout_payments
         (id, session_id, quote_id, chain_id, tx_hash, block_number, block_hash, block_time,
          from_address, amount, status, confirmations, required_confirmations, late,
          created_at, updated_at)
       values ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, 'confirmed', 1, 1, $10, $7, $7)`,
      [
        createResourceId('py'),
        sessionId,
        quote.id,
        quote.chain_id,
        `0x${randomBytes(32).toString('hex')}`,
        `0x${randomBytes(32).toString('hex')}`,
        now,
        from,
        quote.amount,
        status === 'paid_late',
      ],
    );
    const { rows } = await transaction.query<CheckoutSessionRow>(
      `update checkout_sessions set status = $2, updated_at = $3 where id = $1
       returning ${checkoutSessionColumns}`,
      [sessionId, status, now],
    );
    const row = rows[0];
    if (row === undefined) throw new Error(`no checkout session ${sessionId}`);
    return onCheckoutSessionSettled(transaction, toCheckoutSessionRecord(row), now);
  });
}

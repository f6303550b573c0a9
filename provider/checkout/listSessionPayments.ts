import type { DatabaseSession } from '../db/Database.ts';
import type { CheckoutPaymentRecord, CheckoutPaymentRow } from './CheckoutPaymentRecord.ts';
import { checkoutPaymentColumns, toCheckoutPaymentRecord } from './CheckoutPaymentRecord.ts';

export type ListSessionPaymentsParameters = {
  db: DatabaseSession;
  /** One query for all of them, so a list of sessions costs one round trip, not one per session. */
  sessionIds: readonly string[];
};

/** Session id → its payments, oldest first (dropped ones included); every asked id is a key. */
export type ListSessionPaymentsReturnType = Map<string, CheckoutPaymentRecord[]>;

export async function listSessionPayments({
  db,
  sessionIds,
}: ListSessionPaymentsParameters): Promise<ListSessionPaymentsReturnType> {
  const bySession: ListSessionPaymentsReturnType = new Map(sessionIds.map((id) => [id, []]));
  if (sessionIds.length === 0) return bySession;
  const { rows } = await db.query<CheckoutPaymentRow>(
    `select ${checkoutPaymentColumns}
     from checkout_payments payment join checkout_quotes quote on quote.id = payment.quote_id
     where payment.session_id = any($1::text[])
     order by payment.seq`,
    [[...new Set(sessionIds)]],
  );
  for (const row of rows) bySession.get(row.session_id)?.push(toCheckoutPaymentRecord(row));
  return bySession;
}

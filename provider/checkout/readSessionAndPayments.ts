import type { DatabaseSession } from '../db/Database.ts';
import type { CheckoutPaymentRecord, CheckoutPaymentRow } from './CheckoutPaymentRecord.ts';
import { checkoutPaymentColumns, toCheckoutPaymentRecord } from './CheckoutPaymentRecord.ts';
import type { CheckoutSessionRecord, CheckoutSessionRow } from './CheckoutSessionRecord.ts';
import { checkoutSessionColumns, toCheckoutSessionRecord } from './CheckoutSessionRecord.ts';

export type ReadSessionAndPaymentsParameters = {
  db: DatabaseSession;
  id: string;
};

export type SessionAndPayments = {
  readonly session: CheckoutSessionRecord;
  /** Oldest first, dropped ones included (as `listSessionPayments`). */
  readonly payments: readonly CheckoutPaymentRecord[];
};

/** Undefined when no session has this id, whoever's. */
export type ReadSessionAndPaymentsReturnType = SessionAndPayments | undefined;

/**
 * A session and its payments as stored, in one query (one row per payment, or one with no
 * payment): whichever merchant's it is, and without expiring it. Callers check the merchant and
 * the clock (`createSessionReadCache`).
 */
export async function readSessionAndPayments({
  db,
  id,
}: ReadSessionAndPaymentsParameters): Promise<ReadSessionAndPaymentsReturnType> {
  const { rows } = await db.query<CheckoutSessionRow & PrefixedPaymentRow>(selectSql, [id]);
  const first = rows[0];
  if (first === undefined) return undefined;
  const payments: CheckoutPaymentRecord[] = [];
  for (const row of rows) {
    if (row.payment_id === null) continue;
    payments.push(toCheckoutPaymentRecord(unprefix(row)));
  }
  return { session: toCheckoutSessionRecord(first), payments };
}

const paymentPrefix = 'payment_';

type PrefixedPaymentRow = { [Name in keyof CheckoutPaymentRow as `payment_${Name}`]: unknown };

/** `payment.id` → `payment.id as payment_id`; `quote.amount::text as quote_amount` → `… as payment_quote_amount`. */
const paymentSelections = checkoutPaymentColumns.split(',').map((item) => {
  const [expression = '', alias] = item.trim().split(/\s+as\s+/i);
  const name = alias ?? expression.slice(expression.indexOf('.') + 1);
  return { expression, name };
});

const selectSql = `select
    ${checkoutSessionColumns
      .split(',')
      .map((column) => `cs.${column.trim()}`)
      .join(', ')},
    ${paymentSelections.map(({ expression, name }) => `${expression} as ${paymentPrefix}${name}`).join(', ')}
  from checkout_sessions cs
  left join (checkout_payments payment join checkout_quotes quote on quote.id = payment.quote_id)
    on payment.session_id = cs.id
  where cs.id = $1
  order by payment.seq`;

function unprefix(row: PrefixedPaymentRow): CheckoutPaymentRow {
  const payment: Record<string, unknown> = {};
  for (const { name } of paymentSelections) {
    payment[name] = row[`${paymentPrefix}${name}` as keyof PrefixedPaymentRow];
  }
  // The names are checkoutPaymentColumns' own: the row is what toCheckoutPaymentRecord reads.
  return payment as CheckoutPaymentRow;
}

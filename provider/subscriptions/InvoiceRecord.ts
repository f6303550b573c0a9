import type { InvoiceStatus } from '../../shared/providerApi/Subscription.ts';

/** One billed period of a subscription (`subscription_invoices`). */
export type InvoiceRecord = {
  readonly id: string;
  readonly subscriptionId: string;
  readonly periodIndex: number;
  /** The checkout session that collects it. */
  readonly sessionId: string;
  readonly status: InvoiceStatus;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly graceEndsAt: Date;
  readonly paidAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

export type InvoiceRow = {
  id: string;
  subscription_id: string;
  period_index: number;
  session_id: string;
  status: InvoiceStatus;
  period_start: Date;
  period_end: Date;
  grace_ends_at: Date;
  paid_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

export const invoiceColumns =
  'id, subscription_id, period_index, session_id, status, period_start, period_end, ' +
  'grace_ends_at, paid_at, created_at, updated_at';

export function toInvoiceRecord(row: InvoiceRow): InvoiceRecord {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    periodIndex: row.period_index,
    sessionId: row.session_id,
    status: row.status,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    graceEndsAt: row.grace_ends_at,
    paidAt: row.paid_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

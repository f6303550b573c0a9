import { addIntervals } from '../../shared/subscriptions/addIntervals.ts';
import { insertCheckoutSession } from '../checkout/insertCheckoutSession.ts';
import { lockQuote } from '../checkout/lockQuote.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import type { SigningKey } from '../signing/loadSigningKey.ts';
import { invoiceColumns, toInvoiceRecord } from './InvoiceRecord.ts';
import type { InvoiceRecord, InvoiceRow } from './InvoiceRecord.ts';
import { lockSubscription } from './lockSubscription.ts';
import { readPlan } from './readPlan.ts';

export type CreateDueRenewalsParameters = {
  db: Database;
  rates: RateBook;
  signingKey: SigningKey;
  now: Date;
  /** How long the renewal's first quote holds (default: lockQuote's, 600 s). */
  quoteTtlSeconds?: number;
  /** Subscriptions looked at per call (default 100); call again while it returns that many. */
  limit?: number;
};
export type CreateDueRenewalsReturnType = {
  invoices: InvoiceRecord[];
  /** Invoices created without a quote (no rate then); the wallet's read locks one later. */
  withoutQuote: number;
};

/**
 * The renewal sweeper: for each `trialing` or `active` subscription whose next period has
 * started (`next_renewal_at` ≤ now) and has no invoice yet, creates that period's invoice: a
 * checkout session for the plan's price, in the subscription's token, chain and recipient only,
 * open until the grace period ends, with a signed quote locked at today's rate. At most one
 * invoice per period, whoever runs this and however often: the subscription's row is locked
 * (`SKIP LOCKED`, so several provider processes share the work) and (subscription, period) is
 * unique. Nothing is billed from a scheduled cancellation on.
 */
export async function createDueRenewals({
  db,
  rates,
  signingKey,
  now,
  quoteTtlSeconds,
  limit = 100,
}: CreateDueRenewalsParameters): Promise<CreateDueRenewalsReturnType> {
  const { rows: due } = await db.query<{ id: string }>(
    `select s.id from subscriptions s
     where s.status in ('trialing', 'active') and s.next_renewal_at <= $1
       and (s.cancel_at is null or s.cancel_at > s.next_renewal_at)
       and not exists (
         select 1 from subscription_invoices i
         where i.subscription_id = s.id and i.period_index = s.paid_periods)
     order by s.next_renewal_at, s.id
     limit $2`,
    [now, limit],
  );
  const invoices: InvoiceRecord[] = [];
  let withoutQuote = 0;
  for (const { id } of due) {
    const created = await db.transaction(async (transaction) => {
      const subscription = await lockSubscription({ transaction, id, whenLocked: 'skip' });
      if (subscription === undefined) return undefined;
      const { nextRenewalAt, cancelAt } = subscription;
      const isDue =
        (subscription.status === 'trialing' || subscription.status === 'active') &&
        nextRenewalAt !== null &&
        nextRenewalAt.getTime() <= now.getTime() &&
        (cancelAt === null || cancelAt.getTime() > nextRenewalAt.getTime());
      if (!isDue) return undefined;
      const periodIndex = subscription.paidPeriods;
      const existing = await transaction.query(
        'select 1 from subscription_invoices where subscription_id = $1 and period_index = $2',
        [subscription.id, periodIndex],
      );
      if (existing.rows.length > 0) return undefined;
      const plan = await readPlan({
        db: transaction,
        id: subscription.planId,
        merchantId: subscription.merchantId,
      });
      if (plan === undefined) throw new Error(`plan ${subscription.planId} vanished`);
      if (plan.cycles !== null && periodIndex >= plan.cycles) return undefined;

      const { grant } = subscription;
      const anchor = subscription.billingAnchor;
      const periodStart = addIntervals({ anchor, interval: plan.interval, periods: periodIndex });
      const periodEnd = addIntervals({ anchor, interval: plan.interval, periods: periodIndex + 1 });
      const graceEndsAt = new Date(periodStart.getTime() + grant.grace_period_seconds * 1000);
      const session = await insertCheckoutSession({
        db: transaction,
        merchantId: subscription.merchantId,
        session: {
          amountMinor: plan.amountMinor,
          currency: plan.currency,
          recipients: { [String(grant.chain_id)]: grant.recipient },
          acceptedAssets: [{ chain_id: grant.chain_id, asset: grant.asset }],
          // Open as long as the renewal may be paid (at least a minute, whatever the clock).
          expiresInSeconds: Math.max(60, Math.ceil((graceEndsAt.getTime() - now.getTime()) / 1000)),
          metadata: {
            ...subscription.metadata,
            tp_subscription: subscription.id,
            tp_period: String(periodIndex),
          },
          successUrl: null,
        },
        now,
      });
      const { rows } = await transaction.query<InvoiceRow>(
        `insert into subscription_invoices
           (id, subscription_id, period_index, session_id, status, period_start, period_end,
            grace_ends_at, created_at, updated_at)
         values ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $8)
         returning ${invoiceColumns}`,
        [
          createResourceId('inv'),
          subscription.id,
          periodIndex,
          session.id,
          periodStart,
          periodEnd,
          graceEndsAt,
          now,
        ],
      );
      const row = rows[0];
      if (row === undefined) throw new Error('insert … returning gave no row');
      let isQuoted = true;
      try {
        await lockQuote({
          db: transaction,
          session,
          chainId: grant.chain_id,
          asset: grant.asset,
          rates,
          signingKey,
          now,
          ...(quoteTtlSeconds === undefined ? {} : { ttlSeconds: quoteTtlSeconds }),
        });
      } catch (error) {
        // No rate now: the invoice stands, and reading it later locks the quote.
        if (!(error instanceof ApiError && error.code === 'rates_unavailable')) throw error;
        isQuoted = false;
      }
      return { invoice: toInvoiceRecord(row), isQuoted };
    });
    if (created === undefined) continue;
    invoices.push(created.invoice);
    if (!created.isQuoted) withoutQuote += 1;
  }
  return { invoices, withoutQuote };
}

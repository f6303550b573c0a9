import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import { lockQuote } from '../checkout/lockQuote.ts';
import { readCheckoutSession } from '../checkout/readCheckoutSession.ts';
import type { Database } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import type { SigningKeyCache } from '../signing/createSigningKeyCache.ts';
import { invoiceColumns, toInvoiceRecord } from './InvoiceRecord.ts';
import type { InvoiceRecord, InvoiceRow } from './InvoiceRecord.ts';
import type { PlanRecord } from './PlanRecord.ts';
import { readLatestQuote } from './readLatestQuote.ts';
import { readPlan } from './readPlan.ts';
import { subscriptionColumns, toSubscriptionRecord } from './SubscriptionRecord.ts';
import type { SubscriptionRow } from './SubscriptionRecord.ts';

export type ReadCurrentInvoiceParameters = {
  db: Database;
  merchantId: string;
  subscriptionId: string;
  rates: RateBook;
  signingKey: SigningKeyCache;
  now: Date;
  quoteTtlSeconds?: number;
};
export type ReadCurrentInvoiceReturnType = {
  invoice: InvoiceRecord;
  plan: PlanRecord;
  sessionStatus: SessionStatus;
  quote: CheckoutQuote | undefined;
};
export type ReadCurrentInvoiceErrorType = ApiError;

/** A quote with less than this left is replaced: the wallet needs time to sign and send. */
const minimumQuoteLifeMs = 60_000;

/**
 * The invoice of the period to pay now (the wallet's scheduler asks for it), with a signed
 * quote the wallet can pay at once: while its session is open, the newest quote if it holds for
 * another minute, else a new one locked at today's rate (the session's row is locked first, so
 * two readers lock one quote, not two). Once a payment is seen (the session is `pending`, or
 * paid), no new quote: the last one is returned as it was. 404 `no_renewal_due` when nothing is
 * due; 409 `subscription_not_active` when canceled or ended (the wallet then drops its grant).
 */
export async function readCurrentInvoice({
  db,
  merchantId,
  subscriptionId,
  rates,
  signingKey,
  now,
  quoteTtlSeconds,
}: ReadCurrentInvoiceParameters): Promise<ReadCurrentInvoiceReturnType> {
  const subscriptions = await db.query<SubscriptionRow>(
    `select ${subscriptionColumns} from subscriptions where id = $1 and merchant_id = $2`,
    [subscriptionId, merchantId],
  );
  const subscriptionRow = subscriptions.rows[0];
  if (subscriptionRow === undefined) {
    throw new ApiError({ code: 'not_found', message: 'No such subscription.', param: 'id' });
  }
  const subscription = toSubscriptionRecord(subscriptionRow);
  if (subscription.status === 'canceled' || subscription.status === 'ended') {
    throw new ApiError({
      code: 'subscription_not_active',
      message: `This subscription is ${subscription.status}: nothing more is due.`,
    });
  }
  const invoices = await db.query<InvoiceRow>(
    `select ${invoiceColumns} from subscription_invoices
     where subscription_id = $1 and period_index = $2 and status in ('open', 'missed')`,
    [subscription.id, subscription.paidPeriods],
  );
  const invoiceRow = invoices.rows[0];
  if (invoiceRow === undefined) {
    throw new ApiError({
      code: 'no_renewal_due',
      message:
        subscription.nextRenewalAt === null
          ? 'No renewal is due.'
          : `No renewal is due; the next falls due at ${subscription.nextRenewalAt.toISOString()}.`,
    });
  }
  const invoice = toInvoiceRecord(invoiceRow);
  const plan = await readPlan({ db, id: subscription.planId, merchantId });
  if (plan === undefined) throw new Error(`plan ${subscription.planId} vanished`);

  // Applies the session's expiry first (with its own event), as every read of a session does.
  const session = await readCheckoutSession({ db, id: invoice.sessionId, merchantId, now });
  if (session === undefined) throw new Error(`checkout session ${invoice.sessionId} vanished`);
  if (session.status !== 'open') {
    const quote = await readLatestQuote({ db, sessionId: session.id });
    return { invoice, plan, sessionStatus: session.status, quote };
  }
  const key = await signingKey();
  return db.transaction(async (transaction) => {
    const locked = await transaction.query<{ status: SessionStatus }>(
      'select status from checkout_sessions where id = $1 for update',
      [session.id],
    );
    const sessionStatus = locked.rows[0]?.status ?? session.status;
    const latest = await readLatestQuote({ db: transaction, sessionId: session.id });
    const latestExpiresAt = latest === undefined ? 0 : Date.parse(latest.expires_at);
    // A quote that already runs to the session's expiry cannot be bettered by a new one.
    const isFresh =
      latestExpiresAt > now.getTime() &&
      (latestExpiresAt - now.getTime() >= minimumQuoteLifeMs ||
        latestExpiresAt >= session.expiresAt.getTime());
    if (sessionStatus !== 'open' || isFresh) {
      return { invoice, plan, sessionStatus, quote: latest };
    }
    const quote = await lockQuote({
      db: transaction,
      session: { ...session, status: sessionStatus },
      chainId: subscription.grant.chain_id,
      asset: subscription.grant.asset,
      rates,
      signingKey: key,
      now,
      ...(quoteTtlSeconds === undefined ? {} : { ttlSeconds: quoteTtlSeconds }),
    });
    return { invoice, plan, sessionStatus, quote };
  });
}

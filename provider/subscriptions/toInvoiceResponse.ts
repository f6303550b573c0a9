import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import type { SubscriptionInvoice } from '../../shared/providerApi/Subscription.ts';
import type { InvoiceRecord } from './InvoiceRecord.ts';
import type { PlanRecord } from './PlanRecord.ts';

export type ToInvoiceResponseParameters = {
  invoice: InvoiceRecord;
  plan: PlanRecord;
  sessionStatus: SessionStatus;
  quote: CheckoutQuote | undefined;
};
export type ToInvoiceResponseReturnType = SubscriptionInvoice;

/** A renewal invoice as the API shows it, with the quote to pay. */
export function toInvoiceResponse({
  invoice,
  plan,
  sessionStatus,
  quote,
}: ToInvoiceResponseParameters): ToInvoiceResponseReturnType {
  return {
    id: invoice.id,
    object: 'subscription_invoice',
    subscription: invoice.subscriptionId,
    period_index: invoice.periodIndex,
    period_start: invoice.periodStart.toISOString(),
    period_end: invoice.periodEnd.toISOString(),
    grace_ends_at: invoice.graceEndsAt.toISOString(),
    status: invoice.status,
    session_id: invoice.sessionId,
    session_status: sessionStatus,
    amount_minor: plan.amountMinor.toString(),
    currency: plan.currency,
    quote: quote ?? null,
    paid_at: invoice.paidAt?.toISOString() ?? null,
    created_at: invoice.createdAt.toISOString(),
  };
}

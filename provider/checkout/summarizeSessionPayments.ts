import type { CheckoutAmountPaid } from '../../shared/providerApi/CheckoutPayment.ts';
import type { CheckoutPaymentRecord } from './CheckoutPaymentRecord.ts';

export type PaymentOutcome = 'exact' | 'under' | 'over';

export type SummarizeSessionPaymentsParameters = {
  /** The session's payments, oldest first (as `listSessionPayments` gives them). */
  payments: readonly CheckoutPaymentRecord[];
};

export type SummarizeSessionPaymentsReturnType = {
  /** What was paid against the quote of the first confirmed payment; null while none is. */
  amountPaid: CheckoutAmountPaid | null;
  /** The confirmed payments against what was quoted; undefined while none is confirmed. */
  outcome: PaymentOutcome | undefined;
};

/**
 * Only confirmed payments count. The session's quote is the one its first confirmed payment
 * paid; top-ups carry the same reference, so they add up against it. Money that arrived on
 * another quote of the same session (the shopper locked two options and paid both) cannot be
 * added to it — another asset — and is money beyond the price: the outcome is `over`, for the
 * merchant to look at and refund.
 */
export function summarizeSessionPayments({
  payments,
}: SummarizeSessionPaymentsParameters): SummarizeSessionPaymentsReturnType {
  const confirmed = payments.filter((payment) => payment.status === 'confirmed');
  const first = confirmed[0];
  if (first === undefined) return { amountPaid: null, outcome: undefined };

  let paid = 0n;
  let isPaidOnAnotherQuote = false;
  for (const payment of confirmed) {
    if (payment.quoteId === first.quoteId) paid += payment.amount;
    else isPaidOnAnotherQuote = true;
  }
  const quoted = first.quoteAmount;
  const outcome: PaymentOutcome =
    isPaidOnAnotherQuote || paid > quoted ? 'over' : paid === quoted ? 'exact' : 'under';
  return {
    amountPaid: {
      quote_id: first.quoteId,
      chain_id: first.chainId,
      asset: first.asset,
      amount_quoted: quoted.toString(),
      amount_paid: paid.toString(),
      amount_remaining: (paid >= quoted ? 0n : quoted - paid).toString(),
    },
    outcome,
  };
}

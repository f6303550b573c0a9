import type { CheckoutPayment } from '../../shared/providerApi/CheckoutPayment.ts';
import type { CheckoutSession, PaymentOption } from '../../shared/providerApi/CheckoutSession.ts';
import { findChainAsset } from '../../shared/chains/findChainAsset.ts';
import { fiatCurrency } from '../../shared/money/fiatCurrency.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import { toWireRate } from '../rateBook/toRateEntry.ts';
import type { CheckoutPaymentRecord } from './CheckoutPaymentRecord.ts';
import type { CheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { priceInAsset } from './priceInAsset.ts';
import { summarizeSessionPayments } from './summarizeSessionPayments.ts';

export type ToCheckoutSessionResponseParameters = {
  session: CheckoutSessionRecord;
  /** The session's payments, oldest first (`listSessionPayments`). */
  payments: readonly CheckoutPaymentRecord[];
  /**
   * Prices the payment options of an open session. Without it an open session shows none: only
   * webhook events are built without, and no event carries an open session.
   */
  rates: Pick<RateBook, 'read'> | undefined;
  /** The merchant's own strings go only to the secret key's holder. */
  includeMetadata: boolean;
};
export type ToCheckoutSessionResponseReturnType = CheckoutSession;

/** The session as the API shows it, with its payment options at the current rates while open. */
export function toCheckoutSessionResponse({
  session,
  payments,
  rates,
  includeMetadata,
}: ToCheckoutSessionResponseParameters): ToCheckoutSessionResponseReturnType {
  return {
    id: session.id,
    object: 'checkout.session',
    status: session.status,
    amount_minor: session.amountMinor.toString(),
    currency: session.currency,
    recipients: { ...session.recipients },
    accepted_assets: session.acceptedAssets.map(({ chain_id, asset }) => ({ chain_id, asset })),
    ...(includeMetadata ? { metadata: { ...session.metadata } } : {}),
    success_url: session.successUrl,
    expires_at: session.expiresAt.toISOString(),
    created_at: session.createdAt.toISOString(),
    payment_options:
      session.status === 'open' && rates !== undefined ? paymentOptions(session, rates) : [],
    payments: payments.map(toCheckoutPaymentResponse),
    amount_paid: summarizeSessionPayments({ payments }).amountPaid,
  };
}

function toCheckoutPaymentResponse(payment: CheckoutPaymentRecord): CheckoutPayment {
  return {
    id: payment.id,
    object: 'checkout.payment',
    session_id: payment.sessionId,
    quote_id: payment.quoteId,
    chain_id: payment.chainId,
    asset: payment.asset,
    tx_hash: payment.txHash,
    from: payment.from,
    amount: payment.amount.toString(),
    status: payment.status,
    block_number: payment.blockNumber.toString(),
    confirmations: payment.confirmations,
    required_confirmations: payment.requiredConfirmations,
    late: payment.isLate,
    created_at: payment.createdAt.toISOString(),
  };
}

function paymentOptions(
  session: CheckoutSessionRecord,
  rates: Pick<RateBook, 'read'>,
): PaymentOption[] {
  const currency = fiatCurrency(session.currency);
  return session.acceptedAssets.flatMap(({ chain_id: chainId, asset: symbol }) => {
    const asset = findChainAsset({ chainId, symbol });
    const recipient = session.recipients[String(chainId)];
    if (asset === undefined || recipient === undefined) return [];
    const reading = rates.read(`${symbol}/${session.currency}`);
    const rate = reading.status === 'ok' ? reading.aggregate.rate : null;
    return [
      {
        chain_id: chainId,
        asset: symbol,
        name: asset.name,
        decimals: asset.decimals,
        token_address: asset.address,
        recipient,
        amount:
          rate === null
            ? null
            : priceInAsset({ amountMinor: session.amountMinor, currency, asset, rate }).toString(),
        rate: rate === null ? null : toWireRate(rate),
      },
    ];
  });
}

import type { CheckoutSession, PaymentOption } from '../../shared/providerApi/CheckoutSession.ts';
import { findChainAsset } from '../../shared/chains/findChainAsset.ts';
import { fiatCurrency } from '../../shared/money/fiatCurrency.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import { toWireRate } from '../rateBook/toRateEntry.ts';
import type { CheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { priceInAsset } from './priceInAsset.ts';

export type ToCheckoutSessionResponseParameters = {
  session: CheckoutSessionRecord;
  rates: RateBook;
  /** The merchant's own strings go only to the secret key's holder. */
  includeMetadata: boolean;
};
export type ToCheckoutSessionResponseReturnType = CheckoutSession;

/** The session as the API shows it, with its payment options at the current rates while open. */
export function toCheckoutSessionResponse({
  session,
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
    payment_options: session.status === 'open' ? paymentOptions(session, rates) : [],
    // Filled by payment detection (provider/payments); none until it records one.
    payments: [],
    amount_paid: null,
  };
}

function paymentOptions(session: CheckoutSessionRecord, rates: RateBook): PaymentOption[] {
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

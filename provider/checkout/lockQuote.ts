import { randomBytes } from 'node:crypto';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import { findChainAsset } from '../../shared/chains/findChainAsset.ts';
import { fiatCurrency } from '../../shared/money/fiatCurrency.ts';
import type { QuoteSignatureFields } from '../../shared/quotes/QuoteSignatureFields.ts';
import type { DatabaseSession } from '../db/Database.ts';
import { ApiError } from '../http/errors.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import { toWireRate } from '../rateBook/toRateEntry.ts';
import type { SigningKey } from '../signing/loadSigningKey.ts';
import { signQuote } from '../signing/signQuote.ts';
import type { CheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import { priceInAsset } from './priceInAsset.ts';

export type LockQuoteParameters = {
  db: DatabaseSession;
  /** Read with `readCheckoutSession` at `now`, so its status is current. */
  session: CheckoutSessionRecord;
  chainId: number;
  asset: string;
  rates: RateBook;
  signingKey: SigningKey;
  now: Date;
  /** How long the quote holds (default 600 s); never past the session's expiry. */
  ttlSeconds?: number;
};
export type LockQuoteReturnType = CheckoutQuote;
export type LockQuoteErrorType = ApiError;

export const defaultQuoteTtlSeconds = 10 * 60;
/** Bytes of the reference appended to the transfer's calldata. */
export const referenceBytes = 16;

/**
 * Fixes an exact amount of one payment option at the current rate: rounded up (the merchant gets
 * at least the price, less than one base unit more), valid until `expires_at`, matched to its
 * payment by a random 16-byte reference, and signed by the provider's key.
 */
export async function lockQuote({
  db,
  session,
  chainId,
  asset: symbol,
  rates,
  signingKey,
  now,
  ttlSeconds = defaultQuoteTtlSeconds,
}: LockQuoteParameters): Promise<LockQuoteReturnType> {
  if (session.status !== 'open') {
    throw new ApiError({
      code: 'session_not_open',
      message: `This checkout session is ${session.status}: no new quotes.`,
    });
  }
  const isAccepted = session.acceptedAssets.some(
    (accepted) => accepted.chain_id === chainId && accepted.asset === symbol,
  );
  const asset = findChainAsset({ chainId, symbol });
  const recipient = session.recipients[String(chainId)];
  if (!isAccepted || asset === undefined || recipient === undefined) {
    throw new ApiError({
      code: 'invalid_request',
      message: `${symbol} on chain ${chainId} is not a payment option of this session.`,
      param: 'asset',
    });
  }
  const pair = `${symbol}/${session.currency}` as const;
  const reading = rates.read(pair);
  if (reading.status !== 'ok') {
    throw new ApiError({ code: 'rates_unavailable', message: reading.reason });
  }
  const { aggregate } = reading;
  const amount = priceInAsset({
    amountMinor: session.amountMinor,
    currency: fiatCurrency(session.currency),
    asset,
    rate: aggregate.rate,
  });
  const expiresAt = new Date(
    Math.min(
      Math.floor(now.getTime() / 1000) * 1000 + ttlSeconds * 1000,
      session.expiresAt.getTime(),
    ),
  );

  const signed: QuoteSignatureFields = {
    id: createResourceId('qt'),
    session_id: session.id,
    chain_id: chainId,
    asset: symbol,
    token_address: asset.address,
    decimals: asset.decimals,
    recipient,
    amount: amount.toString(),
    reference: randomBytes(referenceBytes).toString('hex'),
    amount_minor: session.amountMinor.toString(),
    currency: session.currency,
    expires_at: expiresAt.toISOString(),
  };
  const signature = signQuote({ quote: signed, signingKey });
  const rate = toWireRate(aggregate.rate);
  await db.query(
    `insert into checkout_quotes
       (id, session_id, chain_id, asset, token_address, decimals, recipient, amount, reference,
        pair, rate_numerator, rate_denominator, rate_details, signing_key_id, signature,
        expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      signed.id,
      session.id,
      chainId,
      symbol,
      asset.address,
      asset.decimals,
      recipient,
      signed.amount,
      signed.reference,
      pair,
      rate.numerator,
      rate.denominator,
      JSON.stringify({
        sources: aggregate.sources.map((source) => ({
          source: source.source,
          rate: toWireRate(source.rate),
          observed_at: source.observedAt.toISOString(),
        })),
        spread_basis_points: aggregate.spreadBasisPoints.toString(),
        age_ms: reading.ageMs,
        quorum: aggregate.quorum,
      }),
      signature.key_id,
      signature.value,
      expiresAt,
      now,
    ],
  );
  return {
    ...signed,
    object: 'checkout.quote',
    pair,
    rate,
    created_at: now.toISOString(),
    signature,
  };
}

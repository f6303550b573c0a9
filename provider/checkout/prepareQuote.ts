import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import { findChainAsset } from '../../shared/chains/findChainAsset.ts';
import { fiatCurrency } from '../../shared/money/fiatCurrency.ts';
import type { QuoteSignatureFields } from '../../shared/quotes/QuoteSignatureFields.ts';
import { ApiError } from '../http/errors.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import { toWireRate } from '../rateBook/toRateEntry.ts';
import type { SigningKey } from '../signing/loadSigningKey.ts';
import { signQuote } from '../signing/signQuote.ts';
import type { CheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import { takeRandomHex } from '../ids/takeRandomHex.ts';
import { priceInAsset } from './priceInAsset.ts';

/** What a quote needs of its session. */
export type QuotedSession = Pick<
  CheckoutSessionRecord,
  'id' | 'status' | 'amountMinor' | 'currency' | 'recipients' | 'acceptedAssets' | 'expiresAt'
>;

export type PrepareQuoteParameters = {
  /** Read from the database at `now` (never from a cache), so its status is current. */
  session: QuotedSession;
  chainId: number;
  asset: string;
  rates: RateBook;
  signingKey: SigningKey;
  now: Date;
  /** How long the quote holds (default 600 s); never past the session's expiry. */
  ttlSeconds?: number;
};

/** The aggregate a quote's rate came from, stored with it for audit. */
export type QuoteRateDetails = {
  sources: {
    source: string;
    rate: { numerator: string; denominator: string };
    observed_at: string;
  }[];
  spread_basis_points: string;
  /** The rate's age when the quote was made. */
  age_ms: number;
  quorum: number;
};

/** A `checkout_quotes` row, as JSON can carry it (numbers that may exceed 2^53 as strings). */
export type QuoteRow = {
  id: string;
  session_id: string;
  chain_id: number;
  asset: string;
  token_address: string | null;
  decimals: number;
  recipient: string;
  amount: string;
  reference: string;
  pair: string;
  rate_numerator: string;
  rate_denominator: string;
  rate_details: QuoteRateDetails;
  signing_key_id: string;
  signature: string;
  expires_at: string;
  created_at: string;
};

export type PreparedQuote = {
  /** What the API answers once the row is stored. */
  quote: CheckoutQuote;
  row: QuoteRow;
};

export type PrepareQuoteReturnType = PreparedQuote;
export type PrepareQuoteErrorType = ApiError;

export const defaultQuoteTtlSeconds = 10 * 60;
/** Bytes of the reference appended to the transfer's calldata. */
export const referenceBytes = 16;

/**
 * Fixes an exact amount of one payment option at the current rate: rounded up (the merchant gets
 * at least the price, less than one base unit more), valid until `expires_at`, matched to its
 * payment by a random 16-byte reference, and signed by the provider's key. Stores nothing: the
 * quote holds once its row is written (`lockQuote`, or `createQuoteLocker` for many at once).
 */
export function prepareQuote({
  session,
  chainId,
  asset: symbol,
  rates,
  signingKey,
  now,
  ttlSeconds = defaultQuoteTtlSeconds,
}: PrepareQuoteParameters): PrepareQuoteReturnType {
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
    reference: takeRandomHex(referenceBytes),
    amount_minor: session.amountMinor.toString(),
    currency: session.currency,
    expires_at: expiresAt.toISOString(),
  };
  const signature = signQuote({ quote: signed, signingKey });
  const rate = toWireRate(aggregate.rate);
  const createdAt = now.toISOString();
  return {
    quote: { ...signed, object: 'checkout.quote', pair, rate, created_at: createdAt, signature },
    row: {
      id: signed.id,
      session_id: session.id,
      chain_id: chainId,
      asset: symbol,
      token_address: asset.address,
      decimals: asset.decimals,
      recipient,
      amount: signed.amount,
      reference: signed.reference,
      pair,
      rate_numerator: rate.numerator,
      rate_denominator: rate.denominator,
      rate_details: {
        sources: aggregate.sources.map((source) => ({
          source: source.source,
          rate: toWireRate(source.rate),
          observed_at: source.observedAt.toISOString(),
        })),
        spread_basis_points: aggregate.spreadBasisPoints.toString(),
        age_ms: reading.ageMs,
        quorum: aggregate.quorum,
      },
      signing_key_id: signature.key_id,
      signature: signature.value,
      expires_at: signed.expires_at,
      created_at: createdAt,
    },
  };
}

import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { DatabaseSession } from '../db/Database.ts';

export type ReadLatestQuoteParameters = {
  db: DatabaseSession;
  sessionId: string;
  /** Only this quote, when given (it must belong to the session). */
  quoteId?: string;
};
export type ReadLatestQuoteReturnType = CheckoutQuote | undefined;

type QuoteRow = {
  id: string;
  session_id: string;
  chain_id: bigint | number;
  asset: string;
  token_address: string | null;
  decimals: number;
  recipient: string;
  amount: string;
  reference: string;
  pair: string;
  rate_numerator: string;
  rate_denominator: string;
  signing_key_id: string;
  signature: string;
  expires_at: Date;
  created_at: Date;
  amount_minor: bigint;
  currency: string;
};

/**
 * A session's newest locked quote (or the one asked for), as `lockQuote` returned it: the stored
 * fields are exactly the signed ones, so the signature still verifies.
 */
export async function readLatestQuote({
  db,
  sessionId,
  quoteId,
}: ReadLatestQuoteParameters): Promise<ReadLatestQuoteReturnType> {
  const { rows } = await db.query<QuoteRow>(
    `select q.id, q.session_id, q.chain_id, q.asset, q.token_address, q.decimals, q.recipient,
            q.amount::text as amount, q.reference, q.pair,
            q.rate_numerator::text as rate_numerator, q.rate_denominator::text as rate_denominator,
            q.signing_key_id, q.signature, q.expires_at, q.created_at,
            s.amount_minor, s.currency
     from checkout_quotes q join checkout_sessions s on s.id = q.session_id
     where q.session_id = $1 and ($2::text is null or q.id = $2)
     order by q.created_at desc, q.id desc
     limit 1`,
    [sessionId, quoteId ?? null],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    id: row.id,
    object: 'checkout.quote',
    session_id: row.session_id,
    chain_id: Number(row.chain_id),
    asset: row.asset,
    token_address: row.token_address,
    decimals: row.decimals,
    recipient: row.recipient,
    amount: row.amount,
    reference: row.reference,
    amount_minor: row.amount_minor.toString(),
    currency: row.currency,
    pair: row.pair,
    rate: { numerator: row.rate_numerator, denominator: row.rate_denominator },
    expires_at: row.expires_at.toISOString(),
    created_at: row.created_at.toISOString(),
    signature: { algorithm: 'ed25519', key_id: row.signing_key_id, value: row.signature },
  };
}

import type { Address } from 'viem';
import type { DatabaseSession } from '../db/Database.ts';

export type FindQuoteByReferenceParameters = {
  db: DatabaseSession;
  /** 32 hex digits (any case), as a transfer carries it. */
  reference: string;
};

/** What a transfer is checked against: the quote's terms and its session's expiry. */
export type QuoteTerms = {
  readonly id: string;
  readonly sessionId: string;
  readonly chainId: number;
  /** The ERC-20 contract; null for the native coin. */
  readonly tokenAddress: Address | null;
  readonly recipient: Address;
  readonly asset: string;
  readonly amount: bigint;
  readonly expiresAt: Date;
  readonly sessionExpiresAt: Date;
};

export type FindQuoteByReferenceReturnType = QuoteTerms | undefined;

type QuoteTermsRow = {
  id: string;
  session_id: string;
  chain_id: bigint;
  token_address: string | null;
  recipient: string;
  asset: string;
  amount: string;
  expires_at: Date;
  session_expires_at: Date;
};

/** The quote whose reference this is (references are unique), or undefined. */
export async function findQuoteByReference({
  db,
  reference,
}: FindQuoteByReferenceParameters): Promise<FindQuoteByReferenceReturnType> {
  const { rows } = await db.query<QuoteTermsRow>(
    `select quote.id, quote.session_id, quote.chain_id, quote.token_address, quote.recipient,
       quote.asset, quote.amount::text as amount, quote.expires_at,
       session.expires_at as session_expires_at
     from checkout_quotes quote join checkout_sessions session on session.id = quote.session_id
     where quote.reference = $1`,
    [reference.toLowerCase()],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    id: row.id,
    sessionId: row.session_id,
    chainId: Number(row.chain_id),
    tokenAddress: row.token_address as Address | null,
    recipient: row.recipient as Address,
    asset: row.asset,
    amount: BigInt(row.amount),
    expiresAt: row.expires_at,
    sessionExpiresAt: row.session_expires_at,
  };
}

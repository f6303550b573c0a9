import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { DatabaseSession } from '../db/Database.ts';
import type { ApiError } from '../http/errors.ts';
import { prepareQuote } from './prepareQuote.ts';
import type { PrepareQuoteParameters } from './prepareQuote.ts';

export type LockQuoteParameters = PrepareQuoteParameters & {
  db: DatabaseSession;
};
export type LockQuoteReturnType = CheckoutQuote;
export type LockQuoteErrorType = ApiError;

/**
 * `prepareQuote`, then its row written through `db` (a transaction, for the subscriptions that
 * lock a renewal's quote with other writes). The API's route writes many at once instead
 * (`createQuoteLocker`).
 */
export async function lockQuote({
  db,
  ...parameters
}: LockQuoteParameters): Promise<LockQuoteReturnType> {
  const { quote, row } = prepareQuote(parameters);
  await db.query(
    `insert into checkout_quotes
       (id, session_id, chain_id, asset, token_address, decimals, recipient, amount, reference,
        pair, rate_numerator, rate_denominator, rate_details, signing_key_id, signature,
        expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      row.id,
      row.session_id,
      row.chain_id,
      row.asset,
      row.token_address,
      row.decimals,
      row.recipient,
      row.amount,
      row.reference,
      row.pair,
      row.rate_numerator,
      row.rate_denominator,
      JSON.stringify(row.rate_details),
      row.signing_key_id,
      row.signature,
      new Date(row.expires_at),
      parameters.now,
    ],
  );
  return quote;
}

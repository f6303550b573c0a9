import type { DatabaseSession } from '../db/Database.ts';
import type { QuoteRow } from './prepareQuote.ts';

export type InsertOpenSessionQuotesParameters = {
  db: DatabaseSession;
  rows: readonly QuoteRow[];
};

/** The ids of the rows written: the others' sessions were no longer open. */
export type InsertOpenSessionQuotesReturnType = Set<string>;

/*
 * One statement for any number of quotes, so the SQL and its prepared plan stay the same whatever
 * the count. The rows travel as one JSON parameter, grouped by what they share (session, option,
 * rate, key): PGlite spends more on carrying a parameter's bytes than on most of the insert, and
 * the quotes of one batch are mostly for one session at one rate. It writes a quote only while
 * its session is still open and unexpired at the quote's creation, checked by the statement
 * itself: a session paid or expired since it was read gets no quote, and never a half-written
 * batch.
 */
const insertSql = `insert into checkout_quotes
    (id, session_id, chain_id, asset, token_address, decimals, recipient, amount, reference, pair,
     rate_numerator, rate_denominator, rate_details, signing_key_id, signature, expires_at,
     created_at)
  select quote ->> 0, shared ->> 'session_id', (shared ->> 'chain_id')::int8, shared ->> 'asset',
    shared ->> 'token_address', (shared ->> 'decimals')::int4, shared ->> 'recipient',
    (quote ->> 1)::numeric, quote ->> 2, shared ->> 'pair', (shared ->> 'rate_numerator')::numeric,
    (shared ->> 'rate_denominator')::numeric,
    (shared -> 'rate_details') || jsonb_build_object('age_ms', (quote ->> 6)::int8),
    shared ->> 'signing_key_id', quote ->> 3, (quote ->> 4)::timestamptz,
    (quote ->> 5)::timestamptz
  from jsonb_array_elements($1::jsonb) as shared
    cross join lateral jsonb_array_elements(shared -> 'quotes') as quote
  where exists (
    select 1 from checkout_sessions checkout_session
    where checkout_session.id = shared ->> 'session_id'
      and checkout_session.status = 'open'
      and checkout_session.expires_at > (quote ->> 5)::timestamptz)
  returning id`;

/** Writes prepared quotes whose sessions are still open, all or none (one statement). */
export async function insertOpenSessionQuotes({
  db,
  rows,
}: InsertOpenSessionQuotesParameters): Promise<InsertOpenSessionQuotesReturnType> {
  if (rows.length === 0) return new Set();
  const inserted = await db.query<{ id: string }>(insertSql, [toGroupedJson(rows)]);
  return new Set(inserted.rows.map((row) => row.id));
}

/** `[{ …what the rows share, quotes: [[id, amount, reference, signature, expires_at, created_at, age_ms], …] }, …]` */
function toGroupedJson(rows: readonly QuoteRow[]): string {
  const groups = new Map<string, { quotes: unknown[][] }>();
  for (const row of rows) {
    const { age_ms: ageMs, ...rateDetails } = row.rate_details;
    const shared = {
      session_id: row.session_id,
      chain_id: row.chain_id,
      asset: row.asset,
      token_address: row.token_address,
      decimals: row.decimals,
      recipient: row.recipient,
      pair: row.pair,
      rate_numerator: row.rate_numerator,
      rate_denominator: row.rate_denominator,
      rate_details: rateDetails,
      signing_key_id: row.signing_key_id,
    };
    const key = JSON.stringify(shared);
    let group = groups.get(key);
    if (group === undefined) {
      group = { ...shared, quotes: [] };
      groups.set(key, group);
    }
    group.quotes.push([
      row.id,
      row.amount,
      row.reference,
      row.signature,
      row.expires_at,
      row.created_at,
      ageMs,
    ]);
  }
  return JSON.stringify([...groups.values()]);
}

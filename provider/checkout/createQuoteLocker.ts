import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { Database } from '../db/Database.ts';
import { createGroupCommit } from '../db/createGroupCommit.ts';
import type { GroupCommitOutcome } from '../db/createGroupCommit.ts';
import { ApiError } from '../http/errors.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import type { SigningKey } from '../signing/loadSigningKey.ts';
import type { CheckoutSessionRow } from './CheckoutSessionRecord.ts';
import { CheckoutSessionNotFoundError } from './errors.ts';
import { insertOpenSessionQuotes } from './insertOpenSessionQuotes.ts';
import { prepareQuote } from './prepareQuote.ts';
import type { PreparedQuote, QuotedSession } from './prepareQuote.ts';
import { readCheckoutSession } from './readCheckoutSession.ts';

export type QuoteLockRequest = {
  sessionId: string;
  /** The authenticated merchant: another's session is as absent as a made-up id. */
  merchantId: string;
  chainId: number;
  asset: string;
  now: Date;
};

export type QuoteLocker = {
  /** The quote, once its row is written; or the request's own error (404, 400, 409, 503…). */
  lock(request: QuoteLockRequest): Promise<CheckoutQuote>;
};

export type CreateQuoteLockerParameters = {
  db: Database;
  rates: RateBook;
  signingKey: () => Promise<SigningKey>;
  /** How long a quote holds (default 600 s); never past the session's expiry. */
  ttlSeconds?: number | undefined;
  /** Most quotes per statement. Default 64. */
  maxBatchSize?: number;
  /** Most sessions whose terms are remembered (see below). Default 10,000. */
  maxRememberedSessions?: number;
};

export type CreateQuoteLockerReturnType = QuoteLocker;

/*
 * `POST /v1/checkout/sessions/{id}/quotes` without a statement per request: the requests that
 * arrive together (createGroupCommit) read their sessions in one query, are priced and signed one
 * by one, and are written in one statement that also checks each session is still open
 * (insertOpenSessionQuotes). A session's terms (owner, amount, currency, recipients, accepted
 * assets, expiry) never change once it is created, so they are remembered after the first read and
 * a batch of remembered sessions reads nothing; its status, the one thing that changes, is never
 * taken from memory: the writing statement checks it (and the expiry) itself, and a session it
 * refuses is read again for the answer and forgotten. Each request gets its own outcome:
 * - an unknown or foreign session, an option not accepted, no rate: its own error, before writing;
 * - an open session past its expiry: expired in the database first (readCheckoutSession), then
 *   refused as before;
 * - a session that changed state between the read and the write: refused (409), nothing written;
 * - a batch whose statement fails: each quote is written again alone, so one bad row fails only
 *   its own request, and a database that is down fails each with its error. A quote is answered
 *   only once its row is written, and written at most once (the retry only follows a statement
 *   that wrote nothing).
 */

/** Locks quotes, many requests per statement. */
export function createQuoteLocker({
  db,
  rates,
  signingKey: loadSigningKey,
  ttlSeconds,
  maxBatchSize,
  maxRememberedSessions = 10_000,
}: CreateQuoteLockerParameters): CreateQuoteLockerReturnType {
  // What prepareQuote needs, and the owner: not the merchant's metadata, never needed here.
  const sessionColumns =
    'id, merchant_id, status, amount_minor, currency, recipients, accepted_assets, expires_at';
  // Usually every request of a batch is for one session (the widget's): `id = $1` then, which
  // costs PGlite less than half of matching against an array parameter.
  const selectOneSession = `select ${sessionColumns} from checkout_sessions where id = $1`;
  // SQL's ANY (not TypeScript's): one array parameter holds every id, so the statement and its
  // prepared plan stay the same whatever the number of sessions.
  const selectSessions = `select ${sessionColumns} from checkout_sessions
                          where id = ANY($1::text[])`;

  async function write(
    requests: readonly QuoteLockRequest[],
  ): Promise<GroupCommitOutcome<CheckoutQuote>[]> {
    const signingKey = await loadSigningKey();
    const sessions = await readSessions(requests);

    const outcomes: (
      GroupCommitOutcome<CheckoutQuote> | Promise<GroupCommitOutcome<CheckoutQuote>>
    )[] = [];
    const toWrite: { index: number; prepared: PreparedQuote }[] = [];
    requests.forEach((request, index) => {
      const session = sessions.get(request.sessionId);
      if (session === undefined || session.merchantId !== request.merchantId) {
        outcomes[index] = refused(new CheckoutSessionNotFoundError());
        return;
      }
      if (session.status === 'open' && request.now.getTime() >= session.expiresAt.getTime()) {
        outcomes[index] = refuseChanged(request);
        return;
      }
      try {
        const prepared = prepareQuote({
          session,
          chainId: request.chainId,
          asset: request.asset,
          rates,
          signingKey,
          now: request.now,
          ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
        });
        toWrite.push({ index, prepared });
      } catch (error) {
        outcomes[index] = refused(error);
      }
    });

    let written: ReadonlySet<string> | undefined;
    try {
      written = await insertOpenSessionQuotes({
        db,
        rows: toWrite.map((each) => each.prepared.row),
      });
    } catch {
      // Written one by one below: each request learns its own fate.
    }
    for (const { index, prepared } of toWrite) {
      const request = requests[index];
      if (request === undefined) continue;
      outcomes[index] =
        written === undefined
          ? writeAlone(request, prepared)
          : written.has(prepared.row.id)
            ? { isWritten: true, value: prepared.quote }
            : refuseChanged(request);
    }
    return Promise.all(outcomes.map((outcome) => Promise.resolve(outcome)));
  }

  // Insertion order is age: the first key is the one forgotten when full.
  const rememberedTerms = new Map<string, LockedSession>();

  /** Each asked session: its terms from memory, or read (with its status) and remembered. */
  async function readSessions(
    requests: readonly QuoteLockRequest[],
  ): Promise<Map<string, LockedSession>> {
    const sessions = new Map<string, LockedSession>();
    const unknownIds = new Set<string>();
    for (const { sessionId } of requests) {
      const remembered = rememberedTerms.get(sessionId);
      if (remembered === undefined) unknownIds.add(sessionId);
      else sessions.set(sessionId, remembered);
    }
    if (unknownIds.size === 0) return sessions;
    const ids = [...unknownIds];
    const { rows } =
      ids.length === 1
        ? await db.query<SessionRow>(selectOneSession, ids)
        : await db.query<SessionRow>(selectSessions, [ids]);
    for (const row of rows) {
      const session = toQuotedSession(row);
      sessions.set(row.id, session);
      if (session.status === 'open') remember(session);
    }
    return sessions;
  }

  function remember(session: LockedSession): void {
    rememberedTerms.set(session.id, session);
    if (rememberedTerms.size <= maxRememberedSessions) return;
    const oldest = rememberedTerms.keys().next();
    if (oldest.done !== true) rememberedTerms.delete(oldest.value);
  }

  async function writeAlone(
    request: QuoteLockRequest,
    prepared: PreparedQuote,
  ): Promise<GroupCommitOutcome<CheckoutQuote>> {
    try {
      const written = await insertOpenSessionQuotes({ db, rows: [prepared.row] });
      if (written.has(prepared.row.id)) return { isWritten: true, value: prepared.quote };
    } catch (error) {
      return refused(error);
    }
    return refuseChanged(request);
  }

  /**
   * Its session was open when read, and no longer when written, or is due to expire: refused
   * with what it is now (an open session past its expiry is expired by the read first).
   */
  async function refuseChanged(
    request: QuoteLockRequest,
  ): Promise<GroupCommitOutcome<CheckoutQuote>> {
    // Not open any more (or not for now): the next request reads its status before signing.
    rememberedTerms.delete(request.sessionId);
    try {
      const current = await readCheckoutSession({
        db,
        id: request.sessionId,
        merchantId: request.merchantId,
        now: request.now,
      });
      if (current === undefined) return refused(new CheckoutSessionNotFoundError());
      if (current.status !== 'open') return refused(notOpen(current.status));
      // Open again already (a reorg took its payment away): the shopper may simply retry.
      return refused(
        new ApiError({
          code: 'session_not_open',
          message: 'This checkout session changed while quoting: try again.',
        }),
      );
    } catch (error) {
      return refused(error);
    }
  }

  const groupCommit = createGroupCommit({
    write,
    ...(maxBatchSize === undefined ? {} : { maxBatchSize }),
    // PGlite runs one statement at a time; a server takes several batches at once.
    maxConcurrentBatches: db.kind === 'pglite' ? 1 : 4,
  });
  return { lock: (request) => groupCommit.submit(request) };
}

type SessionRow = Pick<
  CheckoutSessionRow,
  | 'id'
  | 'merchant_id'
  | 'status'
  | 'amount_minor'
  | 'currency'
  | 'recipients'
  | 'accepted_assets'
  | 'expires_at'
>;

type LockedSession = QuotedSession & { merchantId: string };

function toQuotedSession(row: SessionRow): LockedSession {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    status: row.status,
    amountMinor: row.amount_minor,
    currency: row.currency,
    recipients: row.recipients,
    acceptedAssets: row.accepted_assets,
    expiresAt: row.expires_at,
  };
}

function refused(error: unknown): GroupCommitOutcome<never> {
  return { isWritten: false, error };
}

function notOpen(status: string): ApiError {
  return new ApiError({
    code: 'session_not_open',
    message: `This checkout session is ${status}: no new quotes.`,
  });
}

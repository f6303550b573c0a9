import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { ApiError } from '../http/errors.ts';
import { createMerchant } from '../merchants/createMerchant.ts';
import { createLocalRateSettings } from '../rateBook/createLocalRateSettings.ts';
import { createRateBook } from '../rateBook/createRateBook.ts';
import type { RateBook } from '../rateBook/createRateBook.ts';
import { createSigningKeyCache } from '../signing/createSigningKeyCache.ts';
import type { SigningKeyCache } from '../signing/createSigningKeyCache.ts';
import { createQuoteLocker } from './createQuoteLocker.ts';
import type { QuoteLockRequest } from './createQuoteLocker.ts';
import { insertCheckoutSession } from './insertCheckoutSession.ts';

const start = new Date('2026-01-31T12:00:00.000Z');
const merchantAddress = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** The statement that writes quotes: intercepted below to fail it or to change things first. */
const isQuoteInsert = (sql: string) => sql.includes('insert into checkout_quotes');

type Interceptor = (sql: string, params: readonly unknown[] | undefined) => Promise<void>;

/** The database, counting statements, with a hook that runs before each one. */
function intercept(db: Database, before: Interceptor = () => Promise.resolve()) {
  let statements = 0;
  const observed: Database = {
    ...db,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as Database
    async query<Row>(sql: string, params?: readonly unknown[]) {
      statements++;
      await before(sql, params);
      return db.query<Row>(sql, params);
    },
  };
  return { db: observed, statements: () => statements };
}

/** How many quotes a quote-writing statement carries (its JSON parameter, grouped). */
function rowsIn(params: readonly unknown[] | undefined): number {
  const groups = JSON.parse(String(params?.[0])) as { quotes: unknown[] }[];
  return groups.reduce((count, group) => count + group.quotes.length, 0);
}

describe.each(testDatabases())('createQuoteLocker on $name', ({ open }) => {
  let db: Database;
  let rates: RateBook;
  let signingKey: SigningKeyCache;
  let merchantId: string;
  let otherMerchantId: string;

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
    merchantId = (await createMerchant({ db, name: 'Shop', now: () => start })).merchant.id;
    otherMerchantId = (await createMerchant({ db, name: 'Other', now: () => start })).merchant.id;
    rates = createRateBook({
      ...createLocalRateSettings({ refreshIntervalMs: null }),
      now: () => start,
    });
    await rates.refresh();
    signingKey = createSigningKeyCache({ db, now: () => start });
  });

  afterAll(async () => {
    await db.close();
  });

  async function newSession(expiresInSeconds = 900): Promise<string> {
    const session = await insertCheckoutSession({
      db,
      merchantId,
      session: {
        amountMinor: 2400n,
        currency: 'EUR',
        recipients: { '31337': merchantAddress },
        acceptedAssets: [
          { chain_id: 31337, asset: 'USDC' },
          { chain_id: 31337, asset: 'ETH' },
        ],
        metadata: {},
        successUrl: null,
        expiresInSeconds,
      },
      now: start,
    });
    return session.id;
  }

  function request(sessionId: string, change: Partial<QuoteLockRequest> = {}): QuoteLockRequest {
    return { sessionId, merchantId, chainId: 31337, asset: 'USDC', now: start, ...change };
  }

  async function storedQuotes(sessionId: string): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      'select id from checkout_quotes where session_id = $1 order by id',
      [sessionId],
    );
    return rows.map((row) => row.id);
  }

  async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }

  test('locks the quotes asked together in one read and one write, each stored once', async () => {
    await signingKey();
    const sessionId = await newSession();
    const observed = intercept(db);
    const locker = createQuoteLocker({ db: observed.db, rates, signingKey });
    const quotes = await Promise.all(
      Array.from({ length: 10 }, () => locker.lock(request(sessionId))),
    );
    expect(observed.statements()).toBe(2);
    expect(new Set(quotes.map((quote) => quote.reference)).size).toBe(10);
    expect(new Set(quotes.map((quote) => quote.amount))).toEqual(new Set(['26086957']));
    expect(await storedQuotes(sessionId)).toEqual(quotes.map((quote) => quote.id).sort());
  });

  test("remembers a session's terms: the next batch is one statement, the write", async () => {
    const sessionId = await newSession();
    const observed = intercept(db);
    const locker = createQuoteLocker({ db: observed.db, rates, signingKey });
    await locker.lock(request(sessionId));
    const afterFirst = observed.statements();
    await Promise.all([locker.lock(request(sessionId)), locker.lock(request(sessionId))]);
    expect(observed.statements() - afterFirst).toBe(1);
    expect(await storedQuotes(sessionId)).toHaveLength(3);
  });

  test('a remembered session paid since is refused (409) with its status, then read before signing', async () => {
    const sessionId = await newSession();
    const observed = intercept(db);
    const locker = createQuoteLocker({ db: observed.db, rates, signingKey });
    await locker.lock(request(sessionId));
    await db.query(`update checkout_sessions set status = 'settled' where id = $1`, [sessionId]);
    const refused = await errorOf(locker.lock(request(sessionId)));
    expect([refused.code, refused.shortMessage]).toEqual([
      'session_not_open',
      'This checkout session is settled: no new quotes.',
    ]);
    const beforeAgain = observed.statements();
    const again = await errorOf(locker.lock(request(sessionId)));
    expect(again.shortMessage).toBe('This checkout session is settled: no new quotes.');
    // Read, found settled, refused: no write attempted.
    expect(observed.statements() - beforeAgain).toBe(1);
    expect(await storedQuotes(sessionId)).toHaveLength(1);
  });

  test('remembers at most maxRememberedSessions sessions, forgetting the oldest', async () => {
    const [first, second] = [await newSession(), await newSession()];
    const observed = intercept(db);
    const locker = createQuoteLocker({
      db: observed.db,
      rates,
      signingKey,
      maxRememberedSessions: 1,
    });
    await locker.lock(request(first));
    await locker.lock(request(second));
    const before = observed.statements();
    await locker.lock(request(second));
    expect(observed.statements() - before).toBe(1);
    await locker.lock(request(first));
    expect(observed.statements() - before).toBe(3);
  });

  test('stores each quote exactly as it answered it, with its own rate age', async () => {
    const sessionId = await newSession();
    // A clock that moves 1 s at each look: each quote of the batch sees its rate a little older.
    let ticks = 0;
    const ageingRates = createRateBook({
      ...createLocalRateSettings({ refreshIntervalMs: null }),
      now: () => new Date(start.getTime() + 1_000 * ticks++),
    });
    await ageingRates.refresh();
    const locker = createQuoteLocker({ db, rates: ageingRates, signingKey });
    const quotes = await Promise.all([
      locker.lock(request(sessionId)),
      locker.lock(request(sessionId, { asset: 'ETH', now: new Date(start.getTime() + 1_000) })),
    ]);
    const { rows } = await db.query(
      `select id, session_id, chain_id, asset, token_address, decimals, recipient,
         amount::text as amount, reference, pair, rate_numerator::text as rate_numerator,
         rate_denominator::text as rate_denominator, rate_details, signing_key_id, signature,
         expires_at, created_at
       from checkout_quotes where session_id = $1 order by created_at`,
      [sessionId],
    );
    expect(rows).toEqual(
      quotes.map((quote) => ({
        id: quote.id,
        session_id: sessionId,
        chain_id: 31337n,
        asset: quote.asset,
        token_address: quote.token_address,
        decimals: quote.decimals,
        recipient: quote.recipient,
        amount: quote.amount,
        reference: quote.reference,
        pair: quote.pair,
        rate_numerator: quote.rate.numerator,
        rate_denominator: quote.rate.denominator,
        rate_details: expect.objectContaining({ quorum: 3 }) as unknown,
        signing_key_id: quote.signature.key_id,
        signature: quote.signature.value,
        expires_at: new Date(quote.expires_at),
        created_at: new Date(quote.created_at),
      })),
    );
    const ages = rows.map((row) => (row.rate_details as { age_ms: number }).age_ms);
    expect(ages[1]).toBeGreaterThan(ages[0] ?? Number.POSITIVE_INFINITY);
  });

  test('gives each request of a mixed batch its own answer, and stores only the good ones', async () => {
    const sessionId = await newSession();
    const dueSessionId = await newSession(60);
    const locker = createQuoteLocker({ db, rates, signingKey });
    const later = new Date(start.getTime() + 60_000);
    const [good, unknown, foreign, notAccepted, due] = await Promise.allSettled([
      locker.lock(request(sessionId)),
      locker.lock(request('cs_00000000000000000000000000000000')),
      locker.lock(request(sessionId, { merchantId: otherMerchantId })),
      locker.lock(request(sessionId, { asset: 'DAI' })),
      locker.lock(request(dueSessionId, { now: later })),
    ]);
    expect(good.status).toBe('fulfilled');
    const reasons = [unknown, foreign, notAccepted, due].map((settled) =>
      settled.status === 'rejected' ? (settled.reason as ApiError) : undefined,
    );
    expect(reasons.map((reason) => [reason?.code, reason?.param])).toEqual([
      ['not_found', 'id'],
      ['not_found', 'id'],
      ['invalid_request', 'asset'],
      ['session_not_open', undefined],
    ]);
    expect(reasons[3]?.shortMessage).toBe('This checkout session is expired: no new quotes.');
    const { rows } = await db.query<{ status: string }>(
      'select status from checkout_sessions where id = $1',
      [dueSessionId],
    );
    expect(rows[0]?.status).toBe('expired');
    expect(await storedQuotes(sessionId)).toHaveLength(1);
    expect(await storedQuotes(dueSessionId)).toEqual([]);
  });

  test('refuses (409) the quotes of a session that stopped being open before the write', async () => {
    const sessionId = await newSession();
    const otherSessionId = await newSession();
    const observed = intercept(db, async (sql) => {
      if (!isQuoteInsert(sql)) return;
      await db.query(`update checkout_sessions set status = 'pending' where id = $1`, [sessionId]);
    });
    const locker = createQuoteLocker({ db: observed.db, rates, signingKey });
    const [paid, other] = await Promise.allSettled([
      locker.lock(request(sessionId)),
      locker.lock(request(otherSessionId)),
    ]);
    expect(paid.status).toBe('rejected');
    const error = (paid as PromiseRejectedResult).reason as ApiError;
    expect([error.code, error.shortMessage]).toEqual([
      'session_not_open',
      'This checkout session is pending: no new quotes.',
    ]);
    expect(other.status).toBe('fulfilled');
    expect(await storedQuotes(sessionId)).toEqual([]);
    expect(await storedQuotes(otherSessionId)).toHaveLength(1);
  });

  test('when a batch fails, writes each quote alone: each request gets its own outcome, none twice', async () => {
    const sessionIds = [await newSession(), await newSession(), await newSession()];
    const failing = sessionIds[1] ?? '';
    const observed = intercept(db, (sql, params) => {
      if (!isQuoteInsert(sql)) return Promise.resolve();
      if (rowsIn(params) > 1) return Promise.reject(new Error('batch statement failed'));
      if (String(params?.[0]).includes(failing)) {
        return Promise.reject(new Error('this row failed'));
      }
      return Promise.resolve();
    });
    const locker = createQuoteLocker({ db: observed.db, rates, signingKey });
    const settled = await Promise.allSettled(sessionIds.map((id) => locker.lock(request(id))));
    expect(settled.map((each) => each.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('this row failed'));
    const stored = await Promise.all(sessionIds.map(storedQuotes));
    expect(stored.map((ids) => ids.length)).toEqual([1, 0, 1]);
    expect(stored[0]).toEqual([(settled[0] as PromiseFulfilledResult<{ id: string }>).value.id]);
  });

  test('when the database fails, each request gets the error and nothing is stored', async () => {
    const sessionIds = [await newSession(), await newSession()];
    const down = new Error('connection refused');
    const writesFail = intercept(db, (sql) =>
      isQuoteInsert(sql) ? Promise.reject(down) : Promise.resolve(),
    );
    const locker = createQuoteLocker({ db: writesFail.db, rates, signingKey });
    const settled = await Promise.allSettled(sessionIds.map((id) => locker.lock(request(id))));
    expect(settled).toEqual([
      { status: 'rejected', reason: down },
      { status: 'rejected', reason: down },
    ]);
    const readsFail = intercept(db, () => Promise.reject(down));
    const blind = createQuoteLocker({ db: readsFail.db, rates, signingKey });
    expect(await Promise.allSettled(sessionIds.map((id) => blind.lock(request(id))))).toEqual([
      { status: 'rejected', reason: down },
      { status: 'rejected', reason: down },
    ]);
    for (const id of sessionIds) expect(await storedQuotes(id)).toEqual([]);
  });

  test('refuses a session that is no longer open without writing (409)', async () => {
    const sessionId = await newSession();
    await db.query(`update checkout_sessions set status = 'settled' where id = $1`, [sessionId]);
    const locker = createQuoteLocker({ db, rates, signingKey });
    const error = await errorOf(locker.lock(request(sessionId)));
    expect([error.code, error.shortMessage]).toEqual([
      'session_not_open',
      'This checkout session is settled: no new quotes.',
    ]);
    expect(await storedQuotes(sessionId)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database, DatabaseListener } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { openPostgresDatabase } from '../db/openPostgresDatabase.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { createMerchant } from '../merchants/createMerchant.ts';
import { applySessionEvent } from './applySessionEvent.ts';
import { createSessionReadCache } from './createSessionReadCache.ts';
import { insertCheckoutSession } from './insertCheckoutSession.ts';

const start = new Date('2026-01-31T12:00:00.000Z');
const merchantAddress = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/**
 * The database as the cache sees it, counting the statements it sends, telling when it starts
 * listening, and able to run something right after a statement answers (before the cache sees
 * the answer).
 */
function observe(db: Database) {
  let statements = 0;
  let afterNextRead: (() => Promise<void>) | undefined;
  let resume: () => void = () => {};
  const resumed = new Promise<void>((resolve) => {
    resume = resolve;
  });
  const observed: Database = {
    ...db,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as Database
    async query<Row>(sql: string, params?: readonly unknown[]) {
      statements++;
      const result = await db.query<Row>(sql, params);
      const then = afterNextRead;
      if (then !== undefined && sql.includes('left join')) {
        afterNextRead = undefined;
        await then();
      }
      return result;
    },
    listen: (channel: string, listener: DatabaseListener) => {
      const listen = db.listen;
      if (listen === undefined) throw new Error('this database cannot listen');
      return listen(channel, {
        ...listener,
        onResumed: () => {
          listener.onResumed();
          resume();
        },
      });
    },
  };
  return {
    db: observed,
    resumed,
    statements: () => statements,
    /** Runs `change` after the next session read's statement answers, before the cache sees it. */
    afterNextRead(change: () => Promise<void>) {
      afterNextRead = change;
    },
  };
}

describe.each(testDatabases())('createSessionReadCache on $name', ({ open }) => {
  let db: Database;
  let merchantId: string;
  let otherMerchantId: string;

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
    merchantId = (await createMerchant({ db, name: 'Shop', now: () => start })).merchant.id;
    otherMerchantId = (await createMerchant({ db, name: 'Other', now: () => start })).merchant.id;
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
        acceptedAssets: [{ chain_id: 31337, asset: 'USDC' }],
        metadata: {},
        successUrl: null,
        expiresInSeconds,
      },
      now: start,
    });
    return session.id;
  }

  async function addPayment(sessionId: string): Promise<void> {
    const quoteId = `qt_${sessionId.slice(3)}`;
    await db.query(
      `insert into checkout_quotes (id, session_id, chain_id, asset, token_address, decimals,
         recipient, amount, reference, pair, rate_numerator, rate_denominator, rate_details,
         signing_key_id, signature, expires_at, created_at)
       values ($1, $2, 31337, 'USDC', null, 6, $3, 26086957, $4, 'USDC/EUR', 23, 25, '{}',
         'key_test', 'signature', $5, $5)`,
      [quoteId, sessionId, merchantAddress, sessionId.slice(3), start],
    );
    await db.query(
      `insert into checkout_payments (id, session_id, quote_id, chain_id, tx_hash, block_number,
         block_hash, block_time, from_address, amount, status, confirmations,
         required_confirmations, late, created_at, updated_at)
       values ($1, $2, $3, 31337, $4, 7, $4, $5, $6, 26086957, 'seen', 1, 2, false, $5, $5)`,
      [
        `py_${sessionId.slice(3)}`,
        sessionId,
        quoteId,
        `0x${'ab'.repeat(32)}`,
        start,
        merchantAddress,
      ],
    );
  }

  test('answers a session read again from memory, and from the database after it changes', async () => {
    const observed = observe(db);
    const cache = createSessionReadCache({ db: observed.db });
    await observed.resumed;
    const id = await newSession();
    const first = await cache.read({ id, merchantId, now: start });
    expect(first?.session.status).toBe('open');
    const statements = observed.statements();
    const again = await cache.read({ id, merchantId, now: start });
    expect(again).toEqual(first);
    expect(observed.statements()).toBe(statements);

    await db.transaction((transaction) =>
      applySessionEvent({
        transaction,
        sessionId: id,
        event: { type: 'payment_seen' },
        now: start,
      }),
    );
    const changed = await cache.read({ id, merchantId, now: start });
    expect(changed?.session.status).toBe('pending');
    expect(observed.statements()).toBe(statements + 1);
    await cache.close();
  });

  test('forgets a session when one of its payments is written', async () => {
    const observed = observe(db);
    const cache = createSessionReadCache({ db: observed.db });
    await observed.resumed;
    const id = await newSession();
    expect((await cache.read({ id, merchantId, now: start }))?.payments).toEqual([]);
    await addPayment(id);
    const seen = await cache.read({ id, merchantId, now: start });
    expect(seen?.payments.map((payment) => payment.status)).toEqual(['seen']);
    await db.query(`update checkout_payments set status = 'confirmed' where session_id = $1`, [id]);
    const confirmed = await cache.read({ id, merchantId, now: start });
    expect(confirmed?.payments.map((payment) => payment.status)).toEqual(['confirmed']);
    await cache.close();
  });

  test('does not remember a read that a change overtook', async () => {
    const observed = observe(db);
    const cache = createSessionReadCache({ db: observed.db });
    await observed.resumed;
    const id = await newSession();
    observed.afterNextRead(async () => {
      await db.query(`update checkout_sessions set status = 'pending' where id = $1`, [id]);
    });
    // Read before the change committed: it may answer the old state, as it began before.
    expect((await cache.read({ id, merchantId, now: start }))?.session.status).toBe('open');
    expect((await cache.read({ id, merchantId, now: start }))?.session.status).toBe('pending');
    await cache.close();
  });

  test('reads that miss together share one statement', async () => {
    const observed = observe(db);
    const cache = createSessionReadCache({ db: observed.db });
    await observed.resumed;
    const id = await newSession();
    const before = observed.statements();
    const reads = await Promise.all(
      [1, 2, 3, 4, 5].map(() => cache.read({ id, merchantId, now: start })),
    );
    expect(new Set(reads.map((read) => read?.session.id))).toEqual(new Set([id]));
    expect(observed.statements()).toBe(before + 1);
    await cache.close();
  });

  test("answers another merchant's session, and an unknown id, as absent", async () => {
    const cache = createSessionReadCache({ db });
    const id = await newSession();
    expect(await cache.read({ id, merchantId, now: start })).toBeDefined();
    expect(await cache.read({ id, merchantId: otherMerchantId, now: start })).toBeUndefined();
    expect(
      await cache.read({ id: 'cs_00000000000000000000000000000000', merchantId, now: start }),
    ).toBeUndefined();
    await cache.close();
  });

  test('never answers an open session past its expiry from memory: it is expired in the database', async () => {
    const observed = observe(db);
    const cache = createSessionReadCache({ db: observed.db });
    await observed.resumed;
    const id = await newSession(60);
    expect((await cache.read({ id, merchantId, now: start }))?.session.status).toBe('open');
    const due = new Date(start.getTime() + 60_000);
    expect((await cache.read({ id, merchantId, now: due }))?.session.status).toBe('expired');
    const { rows } = await db.query<{ status: string }>(
      'select status from checkout_sessions where id = $1',
      [id],
    );
    expect(rows[0]?.status).toBe('expired');
    await cache.close();
  });

  test('reads a remembered session again once it is maxAgeMs old, or the clock went back', async () => {
    const observed = observe(db);
    const cache = createSessionReadCache({ db: observed.db, maxAgeMs: 1_000 });
    await observed.resumed;
    const id = await newSession();
    await cache.read({ id, merchantId, now: start });
    const statements = observed.statements();
    await cache.read({ id, merchantId, now: new Date(start.getTime() + 999) });
    expect(observed.statements()).toBe(statements);
    await cache.read({ id, merchantId, now: new Date(start.getTime() + 1_000) });
    expect(observed.statements()).toBe(statements + 1);
    await cache.read({ id, merchantId, now: new Date(start.getTime() - 1) });
    expect(observed.statements()).toBe(statements + 2);
    await cache.close();
  });

  test('remembers nothing while not listening, and forgets everything when listening breaks', async () => {
    let listener: DatabaseListener | undefined;
    const observed = observe(db);
    const controlled: Database = {
      ...observed.db,
      listen: (_channel, told) => {
        listener = told;
        return () => Promise.resolve();
      },
    };
    const cache = createSessionReadCache({ db: controlled });
    const id = await newSession();
    const read = () => cache.read({ id, merchantId, now: start });
    const counted = async () => {
      const before = observed.statements();
      await read();
      return observed.statements() - before;
    };
    expect([await counted(), await counted()]).toEqual([1, 1]);
    listener?.onResumed();
    expect([await counted(), await counted()]).toEqual([1, 0]);
    listener?.onInterrupted();
    expect([await counted(), await counted()]).toEqual([1, 1]);
    listener?.onResumed();
    expect([await counted(), await counted()]).toEqual([1, 0]);
    listener?.onNotification('*');
    expect(await counted()).toBe(1);
    await cache.close();
    expect([await counted(), await counted()]).toEqual([1, 1]);
  });

  test('on a database that cannot listen, reads the database every time', async () => {
    const observed = observe(db);
    const { listen: _listen, ...withoutListen } = observed.db;
    const cache = createSessionReadCache({ db: withoutListen });
    const id = await newSession();
    const before = observed.statements();
    await cache.read({ id, merchantId, now: start });
    await cache.read({ id, merchantId, now: start });
    expect(observed.statements()).toBe(before + 2);
    await cache.close();
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;
const servers = postgresUrl === undefined || postgresUrl === '' ? [] : [postgresUrl];

describe.each(servers)('createSessionReadCache with two processes on one PostgreSQL', (url) => {
  let db: Database;
  let otherProcess: Database;
  let merchantId: string;

  beforeAll(async () => {
    const [postgres] = testDatabases().filter((each) => each.name.startsWith('PostgreSQL'));
    if (postgres === undefined) throw new Error('TEST_DATABASE_URL is set: PostgreSQL expected');
    db = await postgres.open();
    await migrate({ db });
    const { rows } = await db.query<{ schema: string }>('select current_schema() as schema');
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${rows[0]?.schema ?? ''}`);
    otherProcess = openPostgresDatabase({ url: scoped.toString() });
    merchantId = (await createMerchant({ db, name: 'Shop', now: () => start })).merchant.id;
  });

  afterAll(async () => {
    await otherProcess.close();
    await db.close();
  });

  test("sees another process's change within moments, without waiting for maxAgeMs", async () => {
    const observed = observe(db);
    const cache = createSessionReadCache({ db: observed.db, maxAgeMs: 60_000 });
    await observed.resumed;
    const { id } = await insertCheckoutSession({
      db,
      merchantId,
      session: {
        amountMinor: 2400n,
        currency: 'EUR',
        recipients: { '31337': merchantAddress },
        acceptedAssets: [{ chain_id: 31337, asset: 'USDC' }],
        metadata: {},
        successUrl: null,
        expiresInSeconds: 900,
      },
      now: start,
    });
    expect((await cache.read({ id, merchantId, now: start }))?.session.status).toBe('open');
    await otherProcess.query(`update checkout_sessions set status = 'settled' where id = $1`, [id]);
    const deadline = Date.now() + 2_000;
    let status: string | undefined;
    while (Date.now() < deadline) {
      status = (await cache.read({ id, merchantId, now: start }))?.session.status;
      if (status === 'settled') break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(status).toBe('settled');
    await cache.close();
  });
});

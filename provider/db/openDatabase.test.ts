import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from './Database.ts';
import { InvalidChannelNameError, UnsupportedDatabaseUrlError } from './errors.ts';
import { openDatabase } from './openDatabase.ts';
import { testDatabases } from './testDatabases.ts';

describe('openDatabase', () => {
  test('picks PostgreSQL for postgres:// and postgresql:// URLs (connecting lazily)', async () => {
    for (const databaseUrl of ['postgres://u@127.0.0.1:1/x', 'postgresql://u@127.0.0.1:1/x']) {
      const db = await openDatabase({ databaseUrl, dataDir: undefined });
      expect(db.kind).toBe('postgres');
      await db.close();
      await db.close();
    }
  });

  test('refuses other URLs without echoing them (they may hold a password)', async () => {
    const failure = await openDatabase({
      databaseUrl: 'mysql://shop:hunter2@db/shop',
      dataDir: undefined,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnsupportedDatabaseUrlError);
    expect((failure as Error).message).not.toContain('hunter2');
  });

  test('picks PGlite without a URL and persists it under dataDir', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tp-pglite-'));
    try {
      const first = await openDatabase({ databaseUrl: '', dataDir: join(dataDir, 'nested/db') });
      expect(first.kind).toBe('pglite');
      await first.exec("create table kept (note text); insert into kept values ('still here');");
      await first.close();
      await first.close(); // shutdown paths may close twice

      const second = await openDatabase({ dataDir: join(dataDir, 'nested/db') });
      const { rows } = await second.query<{ note: string }>('select note from kept');
      expect(rows).toEqual([{ note: 'still here' }]);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabases())('Database on $name', ({ open }) => {
  let db: Database;

  beforeAll(async () => {
    db = await open();
    await db.exec('create table ledger (id int primary key, amount int8 not null)');
  });

  afterAll(async () => {
    await db.close();
  });

  test('returns int8 as bigint, small or beyond 2^53', async () => {
    const { rows } = await db.query<{ small: bigint; large: bigint }>(
      'select $1::int8 as small, $2::int8 as large',
      ['15', '9007199254740993'],
    );
    expect(rows[0]).toEqual({ small: 15n, large: 9007199254740993n });
  });

  test('takes bigint parameters', async () => {
    const { rows } = await db.query<{ doubled: bigint }>('select $1::int8 * 2 as doubled', [
      4_000_000_000_000_000_000n,
    ]);
    expect(rows[0]?.doubled).toBe(8_000_000_000_000_000_000n);
  });

  test('a transaction that resolves is committed', async () => {
    await db.transaction(async (session) => {
      await session.query('insert into ledger values (1, 100)');
    });
    const { rows } = await db.query('select id from ledger where id = 1');
    expect(rows).toHaveLength(1);
  });

  test('a transaction that throws is rolled back and the error passes through', async () => {
    const failure = await db
      .transaction(async (session) => {
        await session.query('insert into ledger values (2, 200)');
        throw new Error('changed my mind');
      })
      .catch((error: unknown) => error);
    expect((failure as Error).message).toBe('changed my mind');
    const { rows } = await db.query('select id from ledger where id = 2');
    expect(rows).toHaveLength(0);
  });

  describe('listen', () => {
    /** A listener that records what it is told, with a promise for its first `onResumed`. */
    function recorder() {
      const heard: string[] = [];
      let resume: () => void = () => {};
      const resumed = new Promise<void>((resolve) => {
        resume = resolve;
      });
      return {
        heard,
        resumed,
        listener: {
          onNotification: (payload: string) => heard.push(payload),
          onInterrupted: () => heard.push('(interrupted)'),
          onResumed: () => {
            resume();
          },
        },
      };
    }

    const channelOf = () => `tp_test_${randomBytes(4).toString('hex')}`;

    test('hears a committed notification before the statement that sent it resolves', async () => {
      const channel = channelOf();
      const { heard, resumed, listener } = recorder();
      const stop = db.listen?.(channel, listener);
      await resumed;
      await db.query('select pg_notify($1, $2)', [channel, 'first']);
      expect(new Set(heard)).toEqual(new Set(['first']));
      await stop?.();
    });

    test('hears a transaction’s notification at commit, before it resolves; a rollback’s never', async () => {
      const channel = channelOf();
      const { heard, resumed, listener } = recorder();
      const stop = db.listen?.(channel, listener);
      await resumed;
      await db.transaction(async (session) => {
        await session.query('select pg_notify($1, $2)', [channel, 'committed']);
        expect(heard).toEqual([]);
      });
      expect(new Set(heard)).toEqual(new Set(['committed']));
      await db
        .transaction(async (session) => {
          await session.query('select pg_notify($1, $2)', [channel, 'rolled back']);
          throw new Error('undo');
        })
        .catch(() => undefined);
      await db.query('select pg_notify($1, $2)', [channel, 'last']);
      // On PostgreSQL each listening connection delivers it: heard once or more, never lost.
      expect([...new Set(heard)]).toEqual(['committed', 'last']);
      await stop?.();
    });

    test('hears nothing more once stopped, and other listeners still hear', async () => {
      const channel = channelOf();
      const first = recorder();
      const second = recorder();
      const stopFirst = db.listen?.(channel, first.listener);
      const stopSecond = db.listen?.(channel, second.listener);
      await Promise.all([first.resumed, second.resumed]);
      await stopFirst?.();
      await db.query('select pg_notify($1, $2)', [channel, 'after']);
      expect(first.heard).toEqual([]);
      expect(new Set(second.heard)).toEqual(new Set(['after']));
      await stopSecond?.();
    });

    test('refuses a channel that is not a plain lowercase name', () => {
      for (const channel of ['Upper', 'semi;colon', '', 'a b', '"quoted"']) {
        expect(() => db.listen?.(channel, recorder().listener)).toThrow(InvalidChannelNameError);
      }
    });
  });
});

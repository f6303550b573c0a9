import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database, DatabaseSession } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { openPgliteDatabase } from '../db/openPgliteDatabase.ts';
import { createMerchant } from './createMerchant.ts';
import { createMerchantKeyCache } from './createMerchantKeyCache.ts';

describe('createMerchantKeyCache', () => {
  let db: Database;
  let counted: DatabaseSession;
  let queries = 0;
  let nowMs = Date.parse('2026-01-31T12:00:00.000Z');
  const now = () => new Date(nowMs);
  let keys: { secretKey: string; publishableKey: string; id: string };

  beforeAll(async () => {
    db = await openPgliteDatabase({ dataDir: undefined });
    await migrate({ db });
    const created = await createMerchant({ db, name: 'Cached shop', now });
    keys = { ...created, id: created.merchant.id };
    counted = {
      query: (sql, params) => {
        queries += 1;
        return db.query(sql, params);
      },
      exec: (sql) => db.exec(sql),
    };
  });

  afterAll(async () => {
    await db.close();
  });

  test('asks the database once per key while the TTL runs, then again', async () => {
    const cache = createMerchantKeyCache({ db: counted, now, ttlMs: 60_000 });
    queries = 0;
    for (let index = 0; index < 3; index++) {
      expect(await cache.find(keys.secretKey)).toMatchObject({ id: keys.id, keyKind: 'secret' });
      expect(await cache.find(keys.publishableKey)).toMatchObject({
        id: keys.id,
        keyKind: 'publishable',
      });
    }
    expect(queries).toBe(2);
    nowMs += 60_000;
    await cache.find(keys.secretKey);
    expect(queries).toBe(3);
  });

  test('never remembers a key it did not find, so a new key is seen at once', async () => {
    const cache = createMerchantKeyCache({ db: counted, now });
    const later = await createMerchant({ db, name: 'Later shop', now });
    queries = 0;
    expect(await cache.find(`sk_${'0'.repeat(64)}`)).toBeUndefined();
    expect(await cache.find(`sk_${'0'.repeat(64)}`)).toBeUndefined();
    expect(queries).toBe(2);
    expect(await cache.find('not a key')).toBeUndefined();
    expect(queries).toBe(2);
    expect(await cache.find(later.secretKey)).toMatchObject({ id: later.merchant.id });
  });

  test('forgets the oldest key beyond its size', async () => {
    const cache = createMerchantKeyCache({ db: counted, now, maxEntries: 1 });
    queries = 0;
    await cache.find(keys.secretKey);
    await cache.find(keys.publishableKey);
    await cache.find(keys.secretKey);
    expect(queries).toBe(3);
  });
});

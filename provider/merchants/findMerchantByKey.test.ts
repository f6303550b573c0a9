import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { createMerchant } from './createMerchant.ts';
import type { CreateMerchantReturnType } from './createMerchant.ts';
import { findMerchantByKey } from './findMerchantByKey.ts';

describe.each(testDatabases())('findMerchantByKey on $name', ({ open }) => {
  let db: Database;
  let shop: CreateMerchantReturnType;
  const now = () => new Date('2026-01-31T12:00:00.000Z');

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
    shop = await createMerchant({ db, name: 'Shop', now });
    await createMerchant({ db, name: 'Other shop', now });
  });

  afterAll(async () => {
    await db.close();
  });

  test('finds the merchant of a secret key, as secret', async () => {
    expect(await findMerchantByKey({ db, key: shop.secretKey })).toEqual({
      id: shop.merchant.id,
      name: 'Shop',
      keyKind: 'secret',
    });
  });

  test('finds the merchant of a publishable key, as publishable', async () => {
    expect(await findMerchantByKey({ db, key: shop.publishableKey })).toEqual({
      id: shop.merchant.id,
      name: 'Shop',
      keyKind: 'publishable',
    });
  });

  test('finds nobody for a key one digit off, a malformed key, or the stored hash itself', async () => {
    const last = shop.secretKey.at(-1) === '0' ? '1' : '0';
    const { rows } = await db.query<{ secret_key_hash: string }>(
      'select secret_key_hash from merchants where id = $1',
      [shop.merchant.id],
    );
    for (const key of [
      `${shop.secretKey.slice(0, -1)}${last}`,
      shop.secretKey.toUpperCase(),
      `${shop.secretKey} `,
      'sk_',
      '',
      rows[0]?.secret_key_hash ?? 'x',
      `sk_${rows[0]?.secret_key_hash ?? ''}`,
    ]) {
      expect(await findMerchantByKey({ db, key }), key).toBeUndefined();
    }
  });
});

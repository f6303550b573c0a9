import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider, testStart } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';

const order = {
  amount_minor: '1999',
  currency: 'USD',
  recipients: { '31337': '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
  accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
};

describe.each(testDatabases())('Idempotency-Key on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;
  let keyCounter = 0;
  const freshKey = () => `test-key-${++keyCounter}`;

  const post = async (
    path: string,
    body: unknown,
    { key, secretKey }: { key?: string; secretKey?: string } = {},
  ) => {
    const response = await fetch(`${provider.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secretKey ?? provider.merchant.secretKey}`,
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed'),
      body: (await response.json()) as {
        id?: string;
        reference?: string;
        error?: { code: string; param?: string };
      },
    };
  };

  const countSessions = async () => {
    const { rows } = await db.query<{ count: bigint }>(
      'select count(*) as count from checkout_sessions',
    );
    return rows[0]?.count ?? -1n;
  };

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
    await provider.app.rates.refresh();
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  test('a retry with the same key and body gets the first response again, and creates nothing', async () => {
    const key = freshKey();
    const first = await post('/v1/checkout/sessions', order, { key });
    const before = await countSessions();
    const retry = await post('/v1/checkout/sessions', order, { key });
    expect(first.status).toBe(200);
    expect(retry).toEqual({ ...first, replayed: 'true' });
    expect(await countSessions()).toBe(before);
  });

  test('the same body with its keys in another order is the same request', async () => {
    const key = freshKey();
    const first = await post('/v1/checkout/sessions', order, { key });
    const reordered = Object.fromEntries(Object.entries(order).reverse());
    const retry = await post('/v1/checkout/sessions', reordered, { key });
    expect(retry.body.id).toBe(first.body.id);
  });

  test('the same key with another body is refused (409 idempotency_conflict)', async () => {
    const key = freshKey();
    await post('/v1/checkout/sessions', order, { key });
    const before = await countSessions();
    const other = await post('/v1/checkout/sessions', { ...order, amount_minor: '2000' }, { key });
    expect(other.status).toBe(409);
    expect(other.body.error).toEqual(
      expect.objectContaining({ code: 'idempotency_conflict', param: 'idempotency-key' }),
    );
    expect(await countSessions()).toBe(before);
  });

  test('the same key on another route is another request (409)', async () => {
    const key = freshKey();
    const session = await post('/v1/checkout/sessions', order, { key });
    const quote = await post(
      `/v1/checkout/sessions/${session.body.id ?? ''}/quotes`,
      { chain_id: 31337, asset: 'USDC' },
      { key },
    );
    expect(quote.status).toBe(409);
  });

  test('replays a locked quote with its reference, rather than locking another', async () => {
    const session = await post('/v1/checkout/sessions', order);
    const key = freshKey();
    const path = `/v1/checkout/sessions/${session.body.id ?? ''}/quotes`;
    const first = await post(path, { chain_id: 31337, asset: 'USDC' }, { key });
    const retry = await post(path, { chain_id: 31337, asset: 'USDC' }, { key });
    expect(first.body.reference).toMatch(/^[0-9a-f]{32}$/);
    expect(retry.body.reference).toBe(first.body.reference);
  });

  test('replays a refusal from the route too (status and body)', async () => {
    const key = freshKey();
    const first = await post('/v1/checkout/sessions', { ...order, currency: 'XYZ' }, { key });
    expect(first.status).toBe(400);
    const retry = await post('/v1/checkout/sessions', { ...order, currency: 'XYZ' }, { key });
    expect(retry).toEqual({ ...first, replayed: 'true' });
  });

  test('stores nothing for a body refused by the schema: the key stays free', async () => {
    const key = freshKey();
    const refused = await post('/v1/checkout/sessions', { ...order, amount_minor: 5 }, { key });
    expect(refused.status).toBe(400);
    const accepted = await post('/v1/checkout/sessions', order, { key });
    expect([accepted.status, accepted.replayed]).toEqual([200, null]);
  });

  test('keys are per merchant', async () => {
    const other = await provider.createMerchant('Other shop');
    const key = freshKey();
    const mine = await post('/v1/checkout/sessions', order, { key });
    const theirs = await post('/v1/checkout/sessions', order, { key, secretKey: other.secretKey });
    expect(theirs.status).toBe(200);
    expect(theirs.replayed).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  test('a key is forgotten after 24 hours', async () => {
    provider.clock.set(testStart);
    const key = freshKey();
    await post('/v1/checkout/sessions', order, { key });
    provider.clock.advance(24 * 60 * 60 * 1000);
    const later = await post('/v1/checkout/sessions', { ...order, amount_minor: '1' }, { key });
    expect([later.status, later.replayed]).toEqual([200, null]);
    provider.clock.set(testStart);
  });

  test('takes a key of 255 characters, refuses one of 256 (400, param idempotency-key)', async () => {
    expect((await post('/v1/checkout/sessions', order, { key: 'k'.repeat(255) })).status).toBe(200);
    const tooLong = await post('/v1/checkout/sessions', order, { key: 'k'.repeat(256) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error?.param).toBe('idempotency-key');
  });

  test('two requests racing with one key create one session', async () => {
    const key = freshKey();
    const before = await countSessions();
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => post('/v1/checkout/sessions', order, { key })),
    );
    expect(await countSessions()).toBe(before + 1n);
    for (const result of results) expect([200, 409]).toContain(result.status);
    const ids = new Set(results.filter((result) => result.status === 200).map((r) => r.body.id));
    expect(ids.size).toBe(1);
  });
});

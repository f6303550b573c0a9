import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateCheckoutSessionBody } from '../../shared/providerApi/CheckoutSession.ts';
import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider, testStart } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';
import { createExpirySweeper } from './createExpirySweeper.ts';
import { InvalidCheckoutOptionsError } from './errors.ts';

const order: CreateCheckoutSessionBody = {
  amount_minor: '2400',
  currency: 'EUR',
  recipients: { '31337': '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
  accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
  expires_in: 60,
};

describe.each(testDatabases())('createExpirySweeper on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;
  let server: ProviderClient;

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
    await provider.app.rates.refresh();
    server = provider.client({ secretKey: provider.merchant.secretKey });
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  async function statusesOf(ids: readonly string[]): Promise<string[]> {
    const { rows } = await db.query<{ id: string; status: string }>(
      'select id, status from checkout_sessions where id = any($1::text[])',
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row.status]));
    return ids.map((id) => byId.get(id) ?? 'missing');
  }

  async function expiredEventsOf(ids: readonly string[]): Promise<string[]> {
    const { rows } = await db.query<{ session_id: string }>(
      `select data->>'id' as session_id from webhook_events
       where type = 'checkout.session.expired' and data->>'id' = any($1::text[])`,
      [ids],
    );
    return rows.map((row) => row.session_id).sort();
  }

  test('expires open sessions past expires_at, each with one event; leaves the others', async () => {
    provider.clock.set(testStart);
    const due = await Promise.all([1, 2, 3].map(() => server.createCheckoutSession(order)));
    const notYet = await server.createCheckoutSession({ ...order, expires_in: 600 });
    const ids = [...due.map((session) => session.id), notYet.id];
    const sweeper = createExpirySweeper({ db, now: provider.clock.now, batchSize: 2 });

    provider.clock.advance(59_000);
    expect(await sweeper.runOnce()).toBe(0);
    provider.clock.advance(1_000);
    expect(await sweeper.runOnce()).toBe(3);
    expect(await statusesOf(ids)).toEqual(['expired', 'expired', 'expired', 'open']);
    expect(await expiredEventsOf(ids)).toEqual(due.map((session) => session.id).sort());

    const event = await db.query<{ data: { status: string; payments: unknown[] } }>(
      `select data from webhook_events where data->>'id' = $1`,
      [due[0]?.id],
    );
    expect(event.rows[0]?.data).toMatchObject({
      status: 'expired',
      payments: [],
      amount_paid: null,
    });
    expect(await sweeper.runOnce()).toBe(0);
  });

  test('several sweepers at once expire each session once (FOR UPDATE SKIP LOCKED)', async () => {
    provider.clock.set(testStart);
    const sessions = await Promise.all(
      Array.from({ length: 12 }, () => server.createCheckoutSession(order)),
    );
    const ids = sessions.map((session) => session.id);
    provider.clock.advance(61_000);
    const sweepers = [1, 2, 3].map(() =>
      createExpirySweeper({ db, now: provider.clock.now, batchSize: 3 }),
    );
    const counts = await Promise.all(sweepers.map((sweeper) => sweeper.runOnce()));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(12);
    expect(await expiredEventsOf(ids)).toEqual([...ids].sort());
  });

  test('a started sweeper expires on its own, and stops', async () => {
    provider.clock.set(testStart);
    const session = await server.createCheckoutSession(order);
    const sweeper = createExpirySweeper({ db, now: provider.clock.now, intervalMs: 20 });
    sweeper.start();
    try {
      provider.clock.advance(60_000);
      await expect.poll(() => statusesOf([session.id]), { timeout: 5_000 }).toEqual(['expired']);
    } finally {
      await sweeper.stop();
    }
  });

  test('reading a due session expires it with the same event, once', async () => {
    provider.clock.set(testStart);
    const session = await server.createCheckoutSession(order);
    provider.clock.advance(60_000);
    expect((await server.getCheckoutSession(session.id)).status).toBe('expired');
    expect((await server.getCheckoutSession(session.id)).status).toBe('expired');
    expect(await expiredEventsOf([session.id])).toEqual([session.id]);
  });

  test.each([
    [{ intervalMs: 0 }, 'intervalMs must be an integer from 1 to 86400000.'],
    [{ batchSize: 1.5 }, 'batchSize must be an integer from 1 to 10000.'],
  ])('refuses %o', (options, message) => {
    expect(() => createExpirySweeper({ db, now: () => testStart, ...options })).toThrow(
      InvalidCheckoutOptionsError,
    );
    expect(() => createExpirySweeper({ db, now: () => testStart, ...options })).toThrow(message);
  });
});

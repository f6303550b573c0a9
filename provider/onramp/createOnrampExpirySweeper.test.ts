import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { openPgliteDatabase } from '../db/openPgliteDatabase.ts';
import { createOnrampExpirySweeper } from './createOnrampExpirySweeper.ts';
import { InvalidOnrampConfigError } from './errors.ts';
import type { OnrampAdapter } from './OnrampAdapter.ts';
import { createSandboxAdapter } from './sandbox/createSandboxAdapter.ts';
import { createSandboxFunder } from './sandbox/createSandboxFunder.ts';
import { startOnrampTestProvider } from './startOnrampTestProvider.ts';
import type { StartOnrampTestProviderReturnType } from './startOnrampTestProvider.ts';

describe('createOnrampExpirySweeper', () => {
  let db: Database;
  let provider: StartOnrampTestProviderReturnType;
  let adapters: OnrampAdapter[];

  beforeAll(async () => {
    db = await openPgliteDatabase({ dataDir: undefined });
    // Never called: no order here gets as far as sending tokens.
    const funder = createSandboxFunder({
      rpcUrl: 'http://127.0.0.1:9/unused',
      chainId: 31337,
      privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
    });
    adapters = [createSandboxAdapter({ funder })];
    provider = await startOnrampTestProvider({
      db,
      onramp: { adapters, compliance: { regions: [{ name: 'all', countries: '*', rules: [] }] } },
    });
  });
  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  const createOrder = async (): Promise<string> => {
    const call = async (path: string, body: unknown) => {
      const response = await fetch(`${provider.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${provider.merchant.publishableKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { id: string };
    };
    const quote = await call('/v1/onramp/quotes', {
      fiat_currency: 'USD',
      crypto_amount: '12340000',
      chain_id: 31337,
      asset: 'USDC',
      wallet_address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      country: 'US',
    });
    return (await call('/v1/onramp/orders', { quote_id: quote.id })).id;
  };
  const statusOf = async (orderId: string) => {
    const { rows } = await db.query<{ status: string }>(
      'select status from onramp_orders where id = $1',
      [orderId],
    );
    return rows[0]?.status;
  };
  const expiredEvents = async (orderId: string) => {
    const { rows } = await db.query<{ count: string }>(
      `select count(*)::text as count from webhook_events
       where type = 'onramp.order.expired' and data->>'id' = $1`,
      [orderId],
    );
    return Number(rows[0]?.count);
  };

  test('runOnce expires every created order past its expiry, in batches, each once', async () => {
    const orders = [await createOrder(), await createOrder(), await createOrder()];
    const sweeper = createOnrampExpirySweeper({
      db,
      adapters,
      batchSize: 2,
      now: () => new Date(provider.clock.now().getTime() + 31 * 60_000),
    });
    expect(await sweeper.runOnce()).toBe(3);
    for (const id of orders) {
      expect(await statusOf(id)).toBe('expired');
      expect(await expiredEvents(id)).toBe(1);
    }
    expect(await sweeper.runOnce()).toBe(0);
  });

  test('leaves orders alone before their expiry', async () => {
    const id = await createOrder();
    const sweeper = createOnrampExpirySweeper({ db, adapters, now: provider.clock.now });
    expect(await sweeper.runOnce()).toBe(0);
    expect(await statusOf(id)).toBe('created');
  });

  test('once started, sweeps on its interval until stopped', async () => {
    const id = await createOrder();
    let offsetMs = 0;
    const sweeper = createOnrampExpirySweeper({
      db,
      adapters,
      intervalMs: 20,
      now: () => new Date(provider.clock.now().getTime() + offsetMs),
    });
    sweeper.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await statusOf(id)).toBe('created');
      offsetMs = 31 * 60_000;
      await expect.poll(() => statusOf(id), { timeout: 5_000 }).toBe('expired');
    } finally {
      await sweeper.stop();
    }
  });

  test('reports a failed sweep and keeps going', async () => {
    const failures: unknown[] = [];
    const broken = {
      ...db,
      query: () => Promise.reject(new Error('database down')),
    } as unknown as Database;
    const sweeper = createOnrampExpirySweeper({
      db: broken,
      adapters,
      intervalMs: 10,
      now: provider.clock.now,
      onError: (error) => failures.push(error),
    });
    sweeper.start();
    try {
      await expect.poll(() => failures.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    } finally {
      await sweeper.stop();
    }
  });

  test('refuses a bad interval', () => {
    expect(() =>
      createOnrampExpirySweeper({ db, adapters, now: provider.clock.now, intervalMs: 0 }),
    ).toThrow(InvalidOnrampConfigError);
  });
});

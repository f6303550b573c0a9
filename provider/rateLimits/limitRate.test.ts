import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';

const plenty = { capacity: 1_000, refillPerSecond: 1_000 };

describe.each(testDatabases())('rate limits on $name', ({ open }) => {
  let db: Database;
  let perIp: StartTestProviderReturnType;
  let perKey: StartTestProviderReturnType;

  beforeAll(async () => {
    db = await open();
    perIp = await startTestProvider({
      db,
      rateLimits: { perIp: { capacity: 3, refillPerSecond: 0.5 }, perKey: plenty },
    });
    perKey = await startTestProvider({
      db,
      rateLimits: { perIp: plenty, perKey: { capacity: 2, refillPerSecond: 1 } },
    });
  });

  afterAll(async () => {
    await perIp.close();
    await perKey.close();
    await db.close();
  });

  test('per IP: a burst of 3, then 429 rate_limited with Retry-After', async () => {
    const statuses = [];
    for (let index = 0; index < 3; index++) {
      statuses.push((await fetch(`${perIp.url}/v1/rates`)).status);
    }
    const limited = await fetch(`${perIp.url}/v1/keys`);
    expect(statuses).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    perIp.clock.advance(2_000);
    expect((await fetch(`${perIp.url}/v1/rates`)).status).toBe(200);
  });

  test('per IP: health checks are not limited', async () => {
    for (let index = 0; index < 5; index++) {
      expect((await fetch(`${perIp.url}/healthz`)).status).toBe(200);
    }
  });

  test('per key: each key has its own bucket, refilled over time', async () => {
    const created = await perKey
      .client({ secretKey: perKey.merchant.secretKey })
      .createCheckoutSession({
        amount_minor: '100',
        currency: 'USD',
        recipients: { '31337': '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
        accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
      });
    const read = (key: string) =>
      fetch(`${perKey.url}/v1/checkout/sessions/${created.id}`, {
        headers: { authorization: `Bearer ${key}` },
      });
    const { publishableKey, secretKey } = perKey.merchant;
    expect((await read(publishableKey)).status).toBe(200);
    expect((await read(publishableKey)).status).toBe(200);
    const limited = await read(publishableKey);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await read(secretKey)).status).toBe(200);
    perKey.clock.advance(1_000);
    expect((await read(publishableKey)).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';

describe.each(testDatabases())('cross-origin calls from pages on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  test("answers the widget's preflight for quotes", async () => {
    const response = await provider.app.inject({
      method: 'OPTIONS',
      url: '/v1/checkout/sessions/cs_1/quotes',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'authorization, content-type, idempotency-key',
    });
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  test('lets the page read errors too (a 401 for a wrong key)', async () => {
    const response = await provider.app.inject({
      method: 'GET',
      url: '/v1/checkout/sessions/cs_1',
      headers: { origin: 'https://shop.example', authorization: 'Bearer pk_wrong' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  test('does not open the secret-key route to pages', async () => {
    const preflight = await provider.app.inject({
      method: 'OPTIONS',
      url: '/v1/checkout/sessions',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const post = await provider.app.inject({
      method: 'POST',
      url: '/v1/checkout/sessions',
      headers: {
        origin: 'https://shop.example',
        authorization: `Bearer ${provider.merchant.secretKey}`,
      },
      payload: {},
    });
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });
});

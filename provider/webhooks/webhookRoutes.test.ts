import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { verifyWebhookSignature } from '../../shared/webhooks/verifyWebhookSignature.ts';
import { buildServer } from '../buildServer.ts';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { createMerchant } from '../merchants/createMerchant.ts';
import { createWebhookDispatcher } from './createWebhookDispatcher.ts';
import { createWebhookEndpoint } from './createWebhookEndpoint.ts';
import type { WebhookFetch } from './deliverWebhook.ts';
import { enqueueWebhookEvent } from './enqueueWebhookEvent.ts';
import { startWebhookReceiver } from './startWebhookReceiver.ts';

const now = new Date('2030-01-01T00:00:00.000Z');
const generous = { capacity: 10_000, refillPerSecond: 10_000 };
const hookUrl = 'https://shop.example.com/webhooks/tp';

describe.each(testDatabases())('webhook routes on $name', ({ open }) => {
  let db: Database;
  let app: FastifyInstance;
  let merchant: { id: string; secretKey: string; publishableKey: string };
  let other: { id: string; secretKey: string };

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
    app = await buildServer({
      db,
      now: () => now,
      rateLimits: { perIp: generous, perKey: generous },
    });
    const created = await createMerchant({ db, name: 'Shop', now: () => now });
    merchant = {
      id: created.merchant.id,
      secretKey: created.secretKey,
      publishableKey: created.publishableKey,
    };
    const second = await createMerchant({ db, name: 'Other', now: () => now });
    other = { id: second.merchant.id, secretKey: second.secretKey };
  });

  afterAll(async () => {
    await app.close();
    await db.close();
  });

  beforeEach(async () => {
    await db.exec(
      'delete from webhook_deliveries; delete from webhook_events; delete from webhook_endpoints;',
    );
  });

  function call(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    { payload, key = merchant.secretKey }: { payload?: unknown; key?: string | null } = {},
  ) {
    return app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      headers: key === null ? {} : { authorization: `Bearer ${key}` },
    });
  }

  async function register(body: unknown = { url: hookUrl, enabled_events: ['*'] }, key?: string) {
    const response = await call('POST', '/v1/webhook_endpoints', {
      payload: body,
      ...(key === undefined ? {} : { key }),
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ id: string; secret: string }>();
  }

  describe('endpoints', () => {
    test('POST registers an endpoint and shows its signing secret once', async () => {
      const response = await call('POST', '/v1/webhook_endpoints', {
        payload: {
          url: hookUrl,
          enabled_events: ['checkout.session.settled', 'checkout.session.expired'],
        },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        id: expect.stringMatching(/^we_[0-9a-f]{32}$/) as unknown,
        object: 'webhook_endpoint',
        url: hookUrl,
        enabled_events: ['checkout.session.settled', 'checkout.session.expired'],
        created_at: now.toISOString(),
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/) as unknown,
      });
    });

    test('GET lists the merchant’s endpoints without secrets, and none of another merchant’s', async () => {
      const mine = await register();
      await register(
        { url: 'https://other.example.com/hook', enabled_events: ['*'] },
        other.secretKey,
      );
      const response = await call('GET', '/v1/webhook_endpoints');
      expect(response.statusCode).toBe(200);
      const body = response.json<{ data: Record<string, unknown>[] }>();
      expect(body).toEqual({
        object: 'list',
        data: [
          {
            id: mine.id,
            object: 'webhook_endpoint',
            url: hookUrl,
            enabled_events: ['*'],
            created_at: now.toISOString(),
          },
        ],
        has_more: false,
      });
      expect(response.body).not.toContain('whsec_');
    });

    test('DELETE removes it from the list; a second DELETE, or another merchant’s, is 404', async () => {
      const { id } = await register();
      expect(
        (await call('DELETE', `/v1/webhook_endpoints/${id}`, { key: other.secretKey })).statusCode,
      ).toBe(404);
      const deleted = await call('DELETE', `/v1/webhook_endpoints/${id}`);
      expect(deleted.statusCode).toBe(200);
      expect(deleted.json()).toEqual({ id, object: 'webhook_endpoint', deleted: true });
      expect((await call('GET', '/v1/webhook_endpoints')).json<{ data: unknown[] }>().data).toEqual(
        [],
      );
      const again = await call('DELETE', `/v1/webhook_endpoints/${id}`);
      expect(again.statusCode).toBe(404);
      expect(again.json()).toEqual({
        error: { code: 'not_found', message: 'No such webhook endpoint.', param: 'id' },
      });
    });

    test('a deleted endpoint’s pending deliveries are given up', async () => {
      const { id } = await register();
      await enqueueWebhookEvent(db, {
        merchantId: merchant.id,
        type: 'checkout.session.settled',
        data: {},
        now,
      });
      await call('DELETE', `/v1/webhook_endpoints/${id}`);
      const { rows } = await db.query('select status, last_error from webhook_deliveries');
      expect(rows).toEqual([{ status: 'failed', last_error: 'the endpoint was deleted' }]);
    });

    test.each([
      ['no key', null],
      ['a publishable key', 'publishable'],
      ['an unknown secret key', `sk_${'0'.repeat(64)}`],
    ])('answers 401 to %s', async (_name, key) => {
      const presented = key === 'publishable' ? merchant.publishableKey : key;
      const response = await call('POST', '/v1/webhook_endpoints', {
        payload: { url: hookUrl, enabled_events: ['*'] },
        key: presented,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('unauthorized');
      expect((await call('GET', '/v1/webhook_endpoints', { key: presented })).statusCode).toBe(401);
    });

    test.each([
      ['a missing url', { enabled_events: ['*'] }, 'url'],
      ['plain http', { url: 'http://shop.example.com/hook', enabled_events: ['*'] }, 'url'],
      [
        'localhost (production mode)',
        { url: 'http://localhost:3000/hook', enabled_events: ['*'] },
        'url',
      ],
      ['a private address', { url: 'https://10.0.0.5/hook', enabled_events: ['*'] }, 'url'],
      ['the metadata service', { url: 'https://169.254.169.254/', enabled_events: ['*'] }, 'url'],
      ['not a URL', { url: 'shop', enabled_events: ['*'] }, 'url'],
      [
        'an over-long url',
        { url: `https://shop.example.com/${'a'.repeat(2048)}`, enabled_events: ['*'] },
        'url',
      ],
      ['no events', { url: hookUrl, enabled_events: [] }, 'enabled_events'],
      [
        'an unknown event',
        { url: hookUrl, enabled_events: ['checkout.session.paid'] },
        'enabled_events[0]',
      ],
      ['a repeated event', { url: hookUrl, enabled_events: ['*', '*'] }, 'enabled_events'],
      ['an unknown field', { url: hookUrl, enabled_events: ['*'], secret: 'mine' }, 'secret'],
    ])(
      'refuses %s with 400 invalid_request naming the field, and creates nothing',
      async (_name, payload, param) => {
        const response = await call('POST', '/v1/webhook_endpoints', { payload });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: { code: 'invalid_request', param } });
        const { rows } = await db.query('select id from webhook_endpoints');
        expect(rows).toEqual([]);
      },
    );

    test('refuses a 17th endpoint', async () => {
      for (let index = 0; index < 16; index++) await register();
      const response = await call('POST', '/v1/webhook_endpoints', {
        payload: { url: hookUrl, enabled_events: ['*'] },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        error: {
          code: 'invalid_request',
          message: expect.stringContaining('at most 16') as unknown,
        },
      });
    });

    test('a retry with the same Idempotency-Key gets the same endpoint and secret back', async () => {
      const send = () =>
        app.inject({
          method: 'POST',
          url: '/v1/webhook_endpoints',
          headers: {
            authorization: `Bearer ${merchant.secretKey}`,
            'idempotency-key': 'register-1',
          },
          payload: { url: hookUrl, enabled_events: ['*'] },
        });
      const first = await send();
      const second = await send();
      expect(second.json()).toEqual(first.json());
      expect(second.headers['idempotent-replayed']).toBe('true');
      const { rows } = await db.query('select id from webhook_endpoints');
      expect(rows).toHaveLength(1);
    });
  });

  describe('events', () => {
    async function enqueueEvents(count: number, merchantId = merchant.id): Promise<string[]> {
      const ids: string[] = [];
      for (let index = 0; index < count; index++) {
        const { event } = await enqueueWebhookEvent(db, {
          merchantId,
          type: 'checkout.session.pending',
          data: { index },
          now,
        });
        ids.push(event.id);
      }
      return ids;
    }

    test('GET /v1/events pages newest first with limit and starting_after', async () => {
      const ids = await enqueueEvents(5);
      await enqueueEvents(2, other.id);
      const newestFirst = [...ids].reverse();

      const pages: string[][] = [];
      let cursor: string | undefined;
      let hasMore = true;
      while (hasMore) {
        const query = cursor === undefined ? '?limit=2' : `?limit=2&starting_after=${cursor}`;
        const response = await call('GET', `/v1/events${query}`);
        expect(response.statusCode).toBe(200);
        const page = response.json<{ data: { id: string }[]; has_more: boolean }>();
        pages.push(page.data.map((event) => event.id));
        hasMore = page.has_more;
        cursor = page.data.at(-1)?.id;
      }
      expect(pages).toEqual([
        newestFirst.slice(0, 2),
        newestFirst.slice(2, 4),
        newestFirst.slice(4),
      ]);
    });

    test('GET /v1/events defaults to 10', async () => {
      await enqueueEvents(11);
      const page = (await call('GET', '/v1/events')).json<{ data: unknown[]; has_more: boolean }>();
      expect([page.data.length, page.has_more]).toEqual([10, true]);
    });

    test.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['starting_after=evt%27--', 'starting_after'],
      ['page=2', 'page'],
    ])('GET /v1/events?%s answers 400 naming %s', async (query, param) => {
      const response = await call('GET', `/v1/events?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'invalid_request', param } });
    });

    test('GET /v1/events with an unknown (or another merchant’s) cursor answers 404', async () => {
      const [othersEvent] = await enqueueEvents(1, other.id);
      const response = await call('GET', `/v1/events?starting_after=${othersEvent ?? ''}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({
        error: { code: 'not_found', param: 'starting_after' },
      });
    });

    test('GET /v1/events/{id} reads one event; another merchant’s is 404', async () => {
      const [id] = await enqueueEvents(1);
      const response = await call('GET', `/v1/events/${id ?? ''}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        id,
        object: 'event',
        type: 'checkout.session.pending',
        created_at: now.toISOString(),
        data: { index: 0 },
      });
      expect(
        (await call('GET', `/v1/events/${id ?? ''}`, { key: other.secretKey })).statusCode,
      ).toBe(404);
      expect((await call('GET', '/v1/events/evt_nope')).statusCode).toBe(404);
    });
  });

  test('end to end: register by API, change state, deliver; the merchant verifies the exact event of GET /v1/events/{id}', async () => {
    const { secret } = await register({
      url: hookUrl,
      enabled_events: ['checkout.session.settled'],
    });
    const { event } = await db.transaction((session) =>
      enqueueWebhookEvent(session, {
        merchantId: merchant.id,
        type: 'checkout.session.settled',
        data: { id: 'cs_1', object: 'checkout.session', status: 'settled' },
        now,
      }),
    );
    const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
    const fetch: WebhookFetch = (url, init) => {
      sent.push({ url, headers: init.headers, body: init.body });
      return Promise.resolve({ status: 204 });
    };
    await createWebhookDispatcher({ db, now: () => now, fetch }).runOnce();

    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.url).toBe(hookUrl);
    const verified = verifyWebhookSignature({
      payload: request?.body ?? '',
      header: request?.headers['tp-signature'],
      secret,
      now: () => now,
    });
    const read = await call('GET', `/v1/events/${event.id}`);
    expect(verified).toEqual(read.json());
    expect(request?.body).toBe(read.body);
  });

  test('a listening server delivers in the background, and stops when closed', async () => {
    const receiver = await startWebhookReceiver();
    const listening = await buildServer({ db, now: () => now });
    try {
      // Straight to storage: the API refuses http://127.0.0.1 outside development mode.
      await createWebhookEndpoint(db, {
        merchantId: merchant.id,
        url: receiver.url,
        enabledEvents: ['*'],
        now,
      });
      await enqueueWebhookEvent(db, {
        merchantId: merchant.id,
        type: 'checkout.session.settled',
        data: {},
        now,
      });
      await listening.listen({ host: '127.0.0.1', port: 0 });
      for (let tries = 0; tries < 300 && receiver.received.length === 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(receiver.received).toHaveLength(1);
    } finally {
      await listening.close();
      await receiver.close();
    }
  });

  test('the OpenAPI document describes the webhook routes', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(document.paths['/v1/webhook_endpoints'] ?? {}).sort()).toEqual([
      'get',
      'post',
    ]);
    expect(document.paths['/v1/webhook_endpoints/{id}']).toHaveProperty('delete');
    expect(document.paths['/v1/events']).toHaveProperty('get');
    expect(document.paths['/v1/events/{id}']).toHaveProperty('get');
  });
});

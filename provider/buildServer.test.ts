import { Agent, get } from 'node:http';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { bodyLimitBytes, buildServer } from './buildServer.ts';
import type { Database } from './db/Database.ts';
import { migrate } from './db/migrate.ts';
import { testDatabases } from './db/testDatabases.ts';

// A route of this test only: the provider has no POST route yet, but body errors need one.
const EchoBody = Type.Object(
  {
    amount: Type.String({ pattern: '^\\d+$' }),
    items: Type.Optional(Type.Array(Type.Object({ price: Type.String() }))),
  },
  { additionalProperties: false },
);

function registerEchoRoute(app: FastifyInstance): void {
  app.post('/test/echo', { schema: { body: EchoBody } }, (request) =>
    Promise.resolve({ received: request.body }),
  );
}

describe.each(testDatabases())('buildServer on $name', ({ open }) => {
  let db: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
    app = await buildServer({ db });
    registerEchoRoute(app);
  });

  afterAll(async () => {
    await app.close();
    await db.close();
  });

  test('GET /healthz answers 200 ok', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  test('GET /readyz answers 200 ready when the database answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  test('an unknown route answers 404 in the error shape', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /v1/nothing-here.' },
    });
  });

  test('a valid body reaches the route', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { amount: '1500000' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: { amount: '1500000' } });
  });

  test('malformed JSON answers 400 invalid_json', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"amount": "1500000",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  test('an empty JSON body answers 400 invalid_json', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  test('a body over 64 KiB answers 413 body_too_large', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ amount: '1'.repeat(bodyLimitBytes) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'body_too_large' } });
  });

  test('a missing field answers 400 invalid_request naming it', async () => {
    const response = await app.inject({ method: 'POST', url: '/test/echo', payload: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'invalid_request',
        message: 'Missing required field "amount" in the body.',
        param: 'amount',
      },
    });
  });

  test('a JSON number where an amount string is expected is refused, not coerced', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { amount: 1500000 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_request', param: 'amount' } });
  });

  test('a wrong nested field answers 400 invalid_request with its path', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { amount: '1', items: [{ price: '1' }, { price: 2 }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'invalid_request', param: 'items[1].price' },
    });
  });

  test('an unknown field is refused, not silently dropped', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      payload: { amount: '1', amont: '2' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_request', param: 'amont' } });
  });

  test('an unsupported content type answers 415 in the error shape', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<amount>1</amount>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });
});

describe('buildServer', () => {
  const unreachableDatabase: Database = {
    kind: 'postgres',
    query: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
    exec: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
    transaction: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
    close: () => Promise.resolve(),
  };

  test('GET /readyz answers 503 not_ready when the database does not answer', async () => {
    const app = await buildServer({ db: unreachableDatabase });
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: { code: 'not_ready', message: 'The database is not answering.' },
    });
    await app.close();
  });

  test('an unexpected error answers 500 internal_error without its message or stack', async () => {
    const app = await buildServer({ db: unreachableDatabase });
    app.get('/test/boom', () => Promise.reject(new Error('secret detail at /srv/app.ts:12')));
    const response = await app.inject({ method: 'GET', url: '/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side.' },
    });
    expect(response.body).not.toContain('secret');
    await app.close();
  });

  test('routes read the injected clock', async () => {
    const fixed = new Date('2030-01-02T03:04:05Z');
    const app = await buildServer({ db: unreachableDatabase, now: () => fixed });
    app.get('/test/now', () => Promise.resolve({ now: app.now().toISOString() }));
    const response = await app.inject({ method: 'GET', url: '/test/now' });
    expect(response.json()).toEqual({ now: '2030-01-02T03:04:05.000Z' });
    await app.close();
  });

  test('while closing, a running request finishes and a new one gets 503 not_ready', async () => {
    const slowDatabase: Database = {
      ...unreachableDatabase,
      query: () =>
        new Promise((resolve) => {
          setTimeout(() => {
            resolve({ rows: [] });
          }, 300);
        }),
    };
    const app = await buildServer({ db: slowDatabase });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    // One kept-alive connection, as a load balancer holds: the second request reuses it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const request = (path: string): Promise<{ status?: number; body: string }> =>
      new Promise((resolve, reject) => {
        get(`${url}${path}`, { agent }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            resolve({ status: response.statusCode, body });
          });
        }).on('error', reject);
      });
    await request('/healthz');

    const running = request('/readyz');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = app.close();
    expect(await running).toEqual({ status: 200, body: '{"status":"ready"}' });
    const late = await request('/healthz');
    expect(late.status).toBe(503);
    expect(JSON.parse(late.body)).toEqual({
      error: { code: 'not_ready', message: 'The server is shutting down.' },
    });
    await closing;
    agent.destroy();
  });

  describe('GET /openapi.json', () => {
    let document: Record<string, unknown> & {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { description?: string }> }>
      >;
    };

    beforeAll(async () => {
      const app = await buildServer({ db: unreachableDatabase });
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      expect(response.statusCode).toBe(200);
      document = response.json();
      await app.close();
    });

    test('is an OpenAPI 3.1 document titled "TP Provider API" at the package version', () => {
      expect(document.openapi).toBe('3.1.0');
      expect(document.info).toMatchObject({
        title: 'TP Provider API',
        version: packageJson.version,
      });
      const allowedTopLevel = [
        'openapi',
        'info',
        'jsonSchemaDialect',
        'servers',
        'paths',
        'webhooks',
        'components',
        'security',
        'tags',
        'externalDocs',
      ];
      expect(Object.keys(document).filter((key) => !allowedTopLevel.includes(key))).toEqual([]);
    });

    test('lists /healthz and /readyz, every response described, and hides itself', () => {
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz']));
      expect(Object.keys(document.paths)).not.toContain('/openapi.json');
      expect(Object.keys(document.paths['/readyz']?.get?.responses ?? {})).toEqual(['200', '503']);
      for (const pathItem of Object.values(document.paths)) {
        for (const operation of Object.values(pathItem)) {
          for (const response of Object.values(operation.responses)) {
            expect(typeof response.description).toBe('string');
          }
        }
      }
    });
  });
});

// Property tests of every route the OpenAPI document lists (so a route added later is fuzzed
// without touching this file): whatever arrives (malformed JSON, wrong content types, wrong
// types in any field, huge and negative numbers, 1e309, unknown currencies, overlong strings,
// `__proto__` keys, absent, wrong and other merchants' keys, bad ids, oversized bodies) the
// answer is a success or an error in the one shape with a known code and its status, never a
// 500; a 503 only with a code that names a missing dependency; and a refused request changes
// nothing in the database. A key never reaches another merchant's resource.
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from '../buildServer.ts';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { createMerchant } from '../merchants/createMerchant.ts';
import { createLocalRateSettings } from '../rateBook/createLocalRateSettings.ts';
import { arbitraryFromSchema, hostileValue } from '../testing/arbitraryFromSchema.ts';
import type { JsonSchema } from '../testing/arbitraryFromSchema.ts';
import { toJsonText } from '../testing/toJsonText.ts';
import { enqueueWebhookEvent } from '../webhooks/enqueueWebhookEvent.ts';
import { apiErrorStatus } from './toErrorResponse.ts';

const runsPerRoute = 100;
const testTimeoutMs = 600_000;
const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const unlimited = { capacity: 1_000_000_000, refillPerSecond: 1_000_000_000 };
// A fixed clock: nothing expires while the test runs, so no write happens on its own.
const now = () => new Date('2026-01-31T12:00:00.000Z');

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Parameter = { name: string; in: string; schema?: JsonSchema; description?: string };
type Route = {
  method: Method;
  /** As in the document: `/v1/checkout/sessions/{id}`. */
  path: string;
  pathParameters: Parameter[];
  queryParameters: Parameter[];
  hasIdempotencyKey: boolean;
  body: JsonSchema | undefined;
  /** Security schemes it takes; empty: public. */
  security: Set<string>;
};
type Keys = { merchantId: string; secretKey: string; publishableKey: string };
type Credential = {
  authorization?: string | undefined;
  queryKey?: string | undefined;
  /** The merchant the credential belongs to, if it is a real key. */
  merchantId?: string | undefined;
};
type FuzzRequest = {
  pathValues: string[];
  credential: Credential;
  query: Record<string, unknown>;
  idempotencyKey: string | undefined;
  body: string | undefined;
  contentType: string | undefined;
};

/** The statuses a 503 may come with: a dependency the server lacks, never the request's fault. */
const unavailableCodes = new Set(
  Object.entries(apiErrorStatus)
    .filter(([, status]) => status === 503)
    .map(([code]) => code),
);

const rawPayloads = fc.constantFrom(
  '',
  '{',
  '}',
  '{"a":',
  '[',
  'null',
  '[]',
  '"text"',
  '0',
  'true',
  '\u0000',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"amount": 1e309}',
  '{"chain_id": -1e309}',
  `{"x": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
  '\uFEFF{}',
  'a=1&b=2',
);

const contentTypes = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/octet-stream',
  '',
);

/** Ids that are nobody's, or are not ids at all, in a path segment. */
const badIdSegment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%',
    '%zz',
    '%00',
    '%2F',
    '%2e%2e',
    ' ',
    'cs_',
    'cs_' + 'a'.repeat(100),
    'x'.repeat(5_000),
    encodeURIComponent('😀'),
    '__proto__',
    'constructor',
    'null',
    '0',
    '-1',
  ),
  fc.string({ maxLength: 120 }).map((text) => encodeURIComponent(text)),
  fc.stringMatching(/^[A-Za-z0-9_]{1,100}$/),
);

function readRoutes(document: { paths: Record<string, Record<string, unknown>> }): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const {
        parameters = [],
        requestBody,
        security = [],
      } = operation as {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
        security?: Record<string, unknown>[];
      };
      return {
        method: method.toUpperCase() as Method,
        path,
        pathParameters: parameters.filter((parameter) => parameter.in === 'path'),
        queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
        hasIdempotencyKey: parameters.some(
          (parameter) => parameter.in === 'header' && parameter.name === 'idempotency-key',
        ),
        body: requestBody?.content?.['application/json']?.schema,
        security: new Set(security.flatMap((scheme) => Object.keys(scheme))),
      };
    }),
  );
}

describe.each(testDatabases())('every route under fuzzing on $name', ({ open }) => {
  let db: Database;
  let app: FastifyInstance;
  let routes: Route[];
  let merchant: Keys;
  let other: Keys;
  let tables: string[];
  /** Every resource id in the database, with its merchant where it has one. */
  let ids: { id: string; merchantId: string | undefined }[] = [];

  const snapshot = async (except: readonly string[]): Promise<Record<string, string>> => {
    const counted = tables.filter((table) => !except.includes(table));
    const { rows } = await db.query<{ name: string; digest: string }>(
      counted
        .map(
          (table) =>
            `select '${table}' as name, count(*)::text || ':' ||
               md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
             from ${table} t`,
        )
        .join(' union all '),
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
  };

  const refreshIds = async (): Promise<void> => {
    const found: { id: string; merchantId: string | undefined }[] = [];
    for (const table of tables) {
      const { rows: columns } = await db.query<{ column_name: string }>(
        `select column_name from information_schema.columns
         where table_schema = current_schema() and table_name = $1`,
        [table],
      );
      const names = new Set(columns.map((column) => column.column_name));
      if (!names.has('id')) continue;
      const owner = names.has('merchant_id')
        ? 't.merchant_id'
        : names.has('session_id')
          ? '(select s.merchant_id from checkout_sessions s where s.id = t.session_id)'
          : 'null';
      const { rows } = await db.query<{ id: string; merchant_id: string | null }>(
        `select t.id::text as id, ${owner} as merchant_id from ${table} t`,
      );
      for (const row of rows) found.push({ id: row.id, merchantId: row.merchant_id ?? undefined });
    }
    ids = found;
  };

  const keysOf = async (name: string): Promise<Keys> => {
    const created = await createMerchant({ db, name, now });
    return {
      merchantId: created.merchant.id,
      secretKey: created.secretKey,
      publishableKey: created.publishableKey,
    };
  };

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
    app = await buildServer({
      db,
      now,
      rateLimits: { perIp: unlimited, perKey: unlimited },
      rates: createLocalRateSettings({ refreshIntervalMs: null }),
    });
    await app.ready();
    await app.rates.refresh();
    merchant = await keysOf('Fuzzed shop');
    other = await keysOf('Other shop');
    // Created on first use: done here, so that no refused request is the one creating it.
    await app.inject({ method: 'GET', url: '/v1/keys' });
    for (const keys of [merchant, other]) {
      const session = await app.inject({
        method: 'POST',
        url: '/v1/checkout/sessions',
        headers: { authorization: `Bearer ${keys.secretKey}` },
        payload: {
          amount_minor: '2400',
          currency: 'EUR',
          recipients: { '31337': address },
          accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
        },
      });
      expect(session.statusCode, session.body).toBe(200);
      await app.inject({
        method: 'POST',
        url: `/v1/checkout/sessions/${session.json<{ id: string }>().id}/quotes`,
        headers: { authorization: `Bearer ${keys.publishableKey}` },
        payload: { chain_id: 31337, asset: 'USDC' },
      });
      await app.inject({
        method: 'POST',
        url: '/v1/webhook_endpoints',
        headers: { authorization: `Bearer ${keys.secretKey}` },
        payload: { url: 'https://shop.example/hooks', enabled_events: ['*'] },
      });
      await enqueueWebhookEvent(db, {
        merchantId: keys.merchantId,
        type: 'checkout.session.settled',
        data: {},
        now: now(),
      });
    }
    const { rows } = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    );
    tables = rows.map((row) => row.table_name);
    routes = readRoutes(
      app.swagger() as unknown as { paths: Record<string, Record<string, unknown>> },
    );
  });

  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const credentialFor = (route: Route): fc.Arbitrary<Credential> => {
    const real = (keys: Keys, kind: 'secret' | 'publishable'): Credential => ({
      authorization: `Bearer ${kind === 'secret' ? keys.secretKey : keys.publishableKey}`,
      merchantId: keys.merchantId,
    });
    const choices: fc.Arbitrary<Credential>[] = [
      fc.constant({}),
      fc.constant(real(other, 'secret')),
      fc.constant(real(other, 'publishable')),
      fc
        .uint8Array({ minLength: 32, maxLength: 32 })
        .map((bytes) => ({ authorization: `Bearer sk_${Buffer.from(bytes).toString('hex')}` })),
      fc
        .uint8Array({ minLength: 16, maxLength: 16 })
        .map((bytes) => ({ authorization: `Bearer pk_${Buffer.from(bytes).toString('hex')}` })),
      fc.constantFrom<Credential>(
        { authorization: 'Bearer' },
        { authorization: 'Bearer ' },
        { authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` },
        { authorization: `Bearer ${merchant.secretKey} extra` },
        { authorization: `Bearer ${merchant.secretKey.toUpperCase()}` },
        { authorization: `Bearer ${'x'.repeat(5_000)}` },
        { queryKey: merchant.secretKey },
        { queryKey: 'pk_' },
      ),
      fc
        .string({ unit: 'grapheme-ascii', maxLength: 300 })
        .map((text) => ({ authorization: text })),
    ];
    const weighted: fc.WeightedArbitrary<Credential>[] = choices.map((arbitrary) => ({
      weight: 1,
      arbitrary,
    }));
    if (route.security.has('secretKey')) {
      weighted.push({ weight: 8, arbitrary: fc.constant(real(merchant, 'secret')) });
    }
    if (route.security.has('publishableKey')) {
      weighted.push({ weight: 4, arbitrary: fc.constant(real(merchant, 'publishable')) });
    }
    if (route.security.has('publishableKeyQuery')) {
      weighted.push({
        weight: 2,
        arbitrary: fc.constant({
          queryKey: merchant.publishableKey,
          merchantId: merchant.merchantId,
        }),
      });
    }
    return fc.oneof(...weighted);
  };

  const requestFor = (route: Route): fc.Arbitrary<FuzzRequest> => {
    const knownId = fc.nat().map((index) => ids[index % Math.max(ids.length, 1)]?.id ?? 'none');
    /** Ids of the kind the parameter's description names (`cs_…`), when it names one. */
    const idOfKind = (parameter: Parameter) => {
      const prefix = /`([a-z]+_)…`/.exec(parameter.description ?? '')?.[1];
      return prefix === undefined
        ? knownId
        : fc.nat().map((index) => {
            const ofKind = ids.filter((known) => known.id.startsWith(prefix));
            return ofKind[index % Math.max(ofKind.length, 1)]?.id ?? `${prefix}none`;
          });
    };
    const pathValues = route.pathParameters.map((parameter) =>
      fc.oneof(
        { weight: 5, arbitrary: idOfKind(parameter).map((id) => encodeURIComponent(id)) },
        { weight: 2, arbitrary: knownId.map((id) => encodeURIComponent(id)) },
        { weight: 2, arbitrary: badIdSegment },
      ),
    );
    const queryEntries = route.queryParameters.map(
      (parameter) =>
        [
          parameter.name,
          fc.option(
            fc.oneof(
              { weight: 4, arbitrary: arbitraryFromSchema({ schema: parameter.schema ?? {} }) },
              { weight: 1, arbitrary: knownId },
            ),
            { nil: undefined },
          ),
        ] as const,
    );
    const query = fc
      .tuple(
        fc.record(Object.fromEntries(queryEntries)),
        fc.oneof(
          { weight: 6, arbitrary: fc.constant(undefined) },
          {
            weight: 1,
            arbitrary: fc.dictionary(
              fc.constantFrom('unknown', 'limit', 'key', '__proto__'),
              hostileValue,
            ),
          },
        ),
      )
      .map(([known, extra]) => ({ ...known, ...(extra ?? {}) }));
    const jsonBody =
      route.body === undefined
        ? undefined
        : arbitraryFromSchema({ schema: route.body }).map((value) => toJsonText(value));
    const body: fc.Arbitrary<string | undefined> =
      jsonBody === undefined
        ? fc.oneof(
            { weight: 8, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: rawPayloads },
            { weight: 1, arbitrary: fc.jsonValue().map((value) => toJsonText(value)) },
          )
        : fc.oneof(
            { weight: 12, arbitrary: jsonBody },
            { weight: 1, arbitrary: rawPayloads },
            {
              weight: 1,
              // A valid-looking body with a prototype key: JSON.parse makes it an own property.
              arbitrary: jsonBody.map((text) =>
                text.startsWith('{') && text !== '{}'
                  ? `{"__proto__":{"polluted":true},${text.slice(1)}`
                  : text,
              ),
            },
            { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
          );
    return fc.record({
      pathValues: fc.tuple(...pathValues),
      credential: credentialFor(route),
      query,
      idempotencyKey: route.hasIdempotencyKey
        ? fc.oneof(
            { weight: 3, arbitrary: fc.constant(undefined) },
            {
              weight: 1,
              arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 300 }),
            },
          )
        : fc.constant(undefined),
      body,
      contentType: fc.oneof(
        { weight: 10, arbitrary: fc.constant('application/json') },
        { weight: 2, arbitrary: contentTypes },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
    });
  };

  const send = (route: Route, request: FuzzRequest): Promise<LightMyRequestResponse> => {
    let index = 0;
    const path = route.path.replace(/\{[^}]+\}/g, () => request.pathValues[index++] ?? '');
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query)) {
      if (value === undefined) continue;
      query.append(name, typeof value === 'string' ? value : toJsonText(value));
    }
    if (request.credential.queryKey !== undefined) query.append('key', request.credential.queryKey);
    const search = query.toString();
    const headers: Record<string, string> = {};
    if (request.credential.authorization !== undefined) {
      headers.authorization = request.credential.authorization;
    }
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    if (request.body !== undefined && request.contentType !== undefined) {
      headers['content-type'] = request.contentType;
    }
    return app.inject({
      method: route.method,
      url: search === '' ? path : `${path}?${search}`,
      headers,
      ...(request.body === undefined ? {} : { payload: request.body }),
    });
  };

  /** The answer is a success, or the one error body with a known code and that code's status. */
  const expectHandled = (route: Route, response: LightMyRequestResponse): void => {
    const where = `${route.method} ${route.path} → ${response.statusCode} ${response.body.slice(0, 300)}`;
    expect(response.statusCode, where).not.toBe(500);
    if (response.statusCode < 400) return;
    const body = response.json<{ error?: Record<string, unknown> } & Record<string, unknown>>();
    expect(Object.keys(body), where).toEqual(['error']);
    const { code, message, param, ...rest } = body.error ?? {};
    expect(rest, where).toEqual({});
    expect(typeof message === 'string' && message.length > 0, where).toBe(true);
    expect(param === undefined || typeof param === 'string', where).toBe(true);
    expect(Object.keys(apiErrorStatus), where).toContain(code);
    expect(apiErrorStatus[code as keyof typeof apiErrorStatus], where).toBe(response.statusCode);
    if (response.statusCode >= 500) expect(unavailableCodes, where).toContain(code);
  };

  test(
    'the OpenAPI document lists the routes to fuzz',
    () => {
      const listed = routes.map((route) => `${route.method} ${route.path}`);
      expect(listed).toEqual(
        expect.arrayContaining([
          'POST /v1/checkout/sessions',
          'GET /v1/checkout/sessions/{id}',
          'POST /v1/checkout/sessions/{id}/quotes',
          'POST /v1/webhook_endpoints',
          'DELETE /v1/webhook_endpoints/{id}',
        ]),
      );
    },
    testTimeoutMs,
  );

  test(
    'every route: never a 500, errors in the one shape, a refusal changes nothing, no key reaches another merchant',
    async () => {
      for (const route of routes) {
        await refreshIds();
        await fc.assert(
          fc.asyncProperty(requestFor(route), async (request) => {
            const except = request.idempotencyKey === undefined ? [] : ['idempotency_keys'];
            const before = await snapshot(except);
            const response = await send(route, request);
            expectHandled(route, response);
            if (response.statusCode >= 400) {
              // Refused: nothing stored. (A route that refuses after claiming an Idempotency-Key
              // stores that refusal as its answer on purpose, so that table is left out then.)
              expect(await snapshot(except), `${route.method} ${route.path}`).toEqual(before);
            } else if (request.credential.merchantId !== undefined) {
              const foreign = request.pathValues
                .map((value) => ids.find((known) => encodeURIComponent(known.id) === value))
                .filter((known) => known?.merchantId !== undefined)
                .filter((known) => known?.merchantId !== request.credential.merchantId);
              expect(
                foreign,
                `${route.method} ${route.path} answered another merchant's id`,
              ).toEqual([]);
            }
          }),
          { numRuns: runsPerRoute },
        );
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    testTimeoutMs,
  );

  test(
    'every route refuses hostile requests with the right code and stores nothing',
    async () => {
      await refreshIds();
      const ownId = (prefix: string) =>
        ids.find((known) => known.id.startsWith(prefix) && known.merchantId === merchant.merchantId)
          ?.id ?? `${prefix}none`;
      const secret = `Bearer ${merchant.secretKey}`;
      for (const route of routes) {
        const pathValues = route.pathParameters.map(() => ownId('cs_'));
        const base: FuzzRequest = {
          pathValues,
          credential: { authorization: secret },
          query: {},
          idempotencyKey: undefined,
          body: route.body === undefined ? undefined : '{}',
          contentType: route.body === undefined ? undefined : 'application/json',
        };
        const cases: { name: string; request: FuzzRequest; codes: string[] }[] = [];
        if (route.body !== undefined) {
          cases.push(
            {
              name: 'malformed JSON',
              request: { ...base, body: '{"a":' },
              codes: ['invalid_json', 'unauthorized'],
            },
            {
              name: 'a text/plain body',
              request: { ...base, body: 'hello', contentType: 'text/plain' },
              codes: ['unsupported_media_type', 'unauthorized'],
            },
            {
              name: 'a body over the limit',
              request: { ...base, body: `{"x":"${'a'.repeat(70 * 1024)}"}` },
              codes: ['body_too_large', 'unauthorized'],
            },
            {
              name: 'a __proto__ key',
              request: { ...base, body: '{"__proto__":{"polluted":true}}' },
              // Fastify's parser refuses prototype keys outright (secure-json-parse).
              codes: ['invalid_json'],
            },
            {
              name: '1e309',
              request: { ...base, body: '{"amount_minor":1e309,"chain_id":1e309}' },
              codes: ['invalid_request', 'unauthorized', 'not_found'],
            },
          );
        }
        if (route.security.size > 0) {
          cases.push(
            {
              name: 'no key',
              request: { ...base, credential: {} },
              codes: ['unauthorized'],
            },
            {
              name: 'a made-up secret key',
              request: { ...base, credential: { authorization: `Bearer sk_${'0'.repeat(64)}` } },
              codes: ['unauthorized'],
            },
            {
              name: 'a secret key in the URL',
              request: { ...base, credential: { queryKey: merchant.secretKey } },
              codes: ['unauthorized'],
            },
          );
        }
        if (route.pathParameters.length > 0) {
          cases.push({
            name: 'an id that is not one',
            request: { ...base, pathValues: pathValues.map(() => '%2e%2e%2Fmerchants') },
            codes: ['invalid_request', 'not_found', 'unauthorized'],
          });
        }
        for (const { name, request, codes } of cases) {
          const before = await snapshot([]);
          const response = await send(route, request);
          const where = `${route.method} ${route.path}, ${name}`;
          expect(response.statusCode, `${where}: ${response.body}`).toBeGreaterThanOrEqual(400);
          expectHandled(route, response);
          expect(codes, `${where}: ${response.body}`).toContain(
            response.json<{ error: { code: string } }>().error.code,
          );
          expect(await snapshot([]), where).toEqual(before);
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    testTimeoutMs,
  );
});

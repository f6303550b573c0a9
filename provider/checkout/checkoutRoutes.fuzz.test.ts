// Property tests of the checkout routes' boundary: whatever arrives (malformed JSON, wrong types,
// huge or negative numbers, unknown currencies and assets, wrong keys), the answer is a 4xx in
// the one error shape, or a success; never a 5xx, and a refused request changes nothing.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType, TestMerchant } from '../testing/startTestProvider.ts';

const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const numRuns = 120;

const nasty = fc.constantFrom<unknown>(
  '-1',
  '0',
  '-0',
  '1e3',
  '24.00',
  '99999999999999999999999999999999999999999999999999999999999999999999999999999999',
  '9'.repeat(2000),
  -1,
  0,
  0.5,
  1e308,
  2 ** 53,
  -(2 ** 63),
  null,
  true,
  '',
  ' ',
  'XYZ',
  'eur',
  '__proto__',
  'constructor',
  {},
  [],
  [[]],
  '0x0000000000000000000000000000000000000000',
  address.toLowerCase(),
  'javascript:alert(1)',
  'http://evil.example/',
  'https://user:pw@shop.example/',
  '\u0000',
  '\u202e',
  '😀'.repeat(300),
);

function sometimes<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: valid },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: nasty },
  );
}

const acceptedAsset = fc.record(
  {
    chain_id: sometimes(fc.constantFrom(31337, 31337, 31337, 1, 10, 2 ** 31)),
    asset: sometimes(fc.constantFrom('USDC', 'EURC', 'DAI', 'ETH', 'USDT', 'BTC', 'usdc')),
  },
  { requiredKeys: ['chain_id', 'asset'] },
);

const sessionFields = {
  amount_minor: sometimes(
    fc
      .oneof(
        fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }),
        fc.bigInt({ min: -10n, max: 10n ** 20n }),
      )
      .map(String),
  ),
  currency: sometimes(fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', 'KWD', 'BTC', 'EURO')),
  recipients: sometimes(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant({ '31337': address }) },
      fc.dictionary(fc.constantFrom('31337', '1', '0', '-1', 'x', '031337'), fc.constant(address)),
    ),
  ),
  accepted_assets: sometimes(
    fc.oneof(
      { weight: 4, arbitrary: fc.array(acceptedAsset, { minLength: 1, maxLength: 3 }) },
      fc.array(acceptedAsset, { maxLength: 40 }),
    ),
  ),
  expires_in: sometimes(fc.integer({ min: -100, max: 200_000 })),
  metadata: sometimes(fc.dictionary(fc.string({ maxLength: 50 }), fc.string({ maxLength: 600 }))),
  success_url: sometimes(
    fc.oneof(fc.webUrl(), fc.constantFrom('http://localhost:5173/ok', 'ftp://shop.example')),
  ),
};
const sessionBody = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(sessionFields, {
      requiredKeys: ['amount_minor', 'currency', 'recipients', 'accepted_assets'],
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ ...sessionFields, customer: fc.string() }, { requiredKeys: [] }),
  },
);

/** A JSON body, or bytes that are not one. */
function payload(body: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: body.map((value) => (JSON.stringify(value) as string | undefined) ?? 'null'),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"amount_minor": 1e400}',
        '{"chain_id": 1e400, "asset": "USDC"}',
        '{"__proto__": {"admin": true}}',
        '{"constructor": {"prototype": {"x": 1}}}',
        'null',
        '[]',
        '"text"',
        '\u0000',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );
}

const idempotencyKey = fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), {
  nil: undefined,
});

describe.each(testDatabases())('checkout routes under fuzzing on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;
  let other: TestMerchant;
  let sessionId: string;
  let otherSessionId: string;

  const count = async (table: 'checkout_sessions' | 'checkout_quotes'): Promise<bigint> => {
    const { rows } = await db.query<{ count: bigint }>(`select count(*) as count from ${table}`);
    return rows[0]?.count ?? -1n;
  };

  /** The answer is a success or a 4xx in the one error shape. */
  const expectHandled = (response: LightMyRequestResponse): void => {
    expect(response.statusCode, response.body).toBeLessThan(500);
    if (response.statusCode >= 400) {
      const body = response.json<{ error: { code: unknown; message: unknown } }>();
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
    }
  };

  const authorization = () =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(`Bearer ${provider.merchant.secretKey}`) },
      { weight: 3, arbitrary: fc.constant(`Bearer ${provider.merchant.publishableKey}`) },
      fc.constant(`Bearer ${other.secretKey}`),
      fc.constant(undefined),
      fc
        .uint8Array({ minLength: 32, maxLength: 32 })
        .map((bytes) => `Bearer sk_${Buffer.from(bytes).toString('hex')}`),
      fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
    );

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
    await provider.app.rates.refresh();
    other = await provider.createMerchant('Other shop');
    const body = {
      amount_minor: '2400',
      currency: 'EUR',
      recipients: { '31337': address },
      accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
    };
    sessionId = (
      await provider.client({ secretKey: provider.merchant.secretKey }).createCheckoutSession(body)
    ).id;
    otherSessionId = (
      await provider.client({ secretKey: other.secretKey }).createCheckoutSession(body)
    ).id;
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  test('POST /v1/checkout/sessions: never a 5xx; a refusal stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        payload(sessionBody),
        authorization(),
        idempotencyKey,
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'),
        async (body, auth, key, contentType) => {
          const before = await count('checkout_sessions');
          const response = await provider.app.inject({
            method: 'POST',
            url: '/v1/checkout/sessions',
            headers: {
              'content-type': contentType,
              ...(auth === undefined ? {} : { authorization: auth }),
              ...(key === undefined ? {} : { 'idempotency-key': key }),
            },
            payload: body,
          });
          expectHandled(response);
          const isReplay = response.headers['idempotent-replayed'] === 'true';
          const after = await count('checkout_sessions');
          expect(after - before).toBe(response.statusCode === 200 && !isReplay ? 1n : 0n);
        },
      ),
      { numRuns },
    );
  });

  test('POST /v1/checkout/sessions/{id}/quotes: never a 5xx; a refusal stores nothing', async () => {
    const quoteBody = fc.record(
      {
        chain_id: sometimes(fc.constantFrom(31337, 1)),
        asset: sometimes(fc.constantFrom('USDC', 'DAI', 'ETH')),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        payload(quoteBody),
        fc.oneof(
          fc.constant(sessionId),
          fc.constant(otherSessionId),
          fc.string({ maxLength: 150 }).map((text) => encodeURIComponent(text)),
        ),
        authorization(),
        fc.option(fc.constant(provider.merchant.publishableKey), { nil: undefined }),
        idempotencyKey,
        async (body, id, auth, queryKey, key) => {
          const before = await count('checkout_quotes');
          const query = queryKey === undefined ? '' : `?key=${queryKey}`;
          const response = await provider.app.inject({
            method: 'POST',
            url: `/v1/checkout/sessions/${id}/quotes${query}`,
            headers: {
              'content-type': 'application/json',
              ...(auth === undefined ? {} : { authorization: auth }),
              ...(key === undefined ? {} : { 'idempotency-key': key }),
            },
            payload: body,
          });
          expectHandled(response);
          const isReplay = response.headers['idempotent-replayed'] === 'true';
          const after = await count('checkout_quotes');
          expect(after - before).toBe(response.statusCode === 200 && !isReplay ? 1n : 0n);
        },
      ),
      { numRuns },
    );
  });

  test("GET /v1/checkout/sessions/{id}: never a 5xx, never another merchant's session", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(sessionId),
          fc.constant(otherSessionId),
          fc.string({ maxLength: 300 }).map((text) => encodeURIComponent(text)),
        ),
        authorization(),
        fc.option(
          fc.string({ maxLength: 100 }).map((text) => encodeURIComponent(text)),
          {
            nil: undefined,
          },
        ),
        async (id, auth, queryKey) => {
          const response = await provider.app.inject({
            method: 'GET',
            url: `/v1/checkout/sessions/${id}${queryKey === undefined ? '' : `?key=${queryKey}`}`,
            headers: auth === undefined ? {} : { authorization: auth },
          });
          expectHandled(response);
          if (response.statusCode === 200 && id === otherSessionId) {
            expect(auth).toBe(`Bearer ${other.secretKey}`);
          }
        },
      ),
      { numRuns },
    );
  });
});

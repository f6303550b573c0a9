import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateCheckoutSessionBody } from '../../shared/providerApi/CheckoutSession.ts';
import { ProviderApiError } from '../../shared/providerClient/errors.ts';
import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import { verifyQuoteSignature } from '../../shared/quotes/verifyQuoteSignature.ts';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider, testStart } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType, TestMerchant } from '../testing/startTestProvider.ts';

const merchantAddress = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const order: CreateCheckoutSessionBody = {
  amount_minor: '2400',
  currency: 'EUR',
  recipients: { '31337': merchantAddress },
  accepted_assets: [
    { chain_id: 31337, asset: 'USDC' },
    { chain_id: 31337, asset: 'EURC' },
    { chain_id: 31337, asset: 'DAI' },
    { chain_id: 31337, asset: 'ETH' },
  ],
  metadata: { order_id: 'A-1001' },
  success_url: 'https://shop.example/thanks',
};

/** Rejects with the API's error code, or fails the test. */
async function apiErrorOf(promise: Promise<unknown>): Promise<ProviderApiError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ProviderApiError);
  return error as ProviderApiError;
}

describe.each(testDatabases())('checkout routes on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;
  let server: ProviderClient;
  let page: ProviderClient;
  let other: TestMerchant;

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
    await provider.app.rates.refresh();
    server = provider.client({ secretKey: provider.merchant.secretKey });
    page = provider.client({ publishableKey: provider.merchant.publishableKey });
    other = await provider.createMerchant('Other shop');
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  describe('POST /v1/checkout/sessions', () => {
    test('creates an open session that expires in 15 minutes by default', async () => {
      provider.clock.set(testStart);
      const session = await server.createCheckoutSession(order);
      expect(session).toMatchObject({
        object: 'checkout.session',
        status: 'open',
        amount_minor: '2400',
        currency: 'EUR',
        recipients: { '31337': merchantAddress },
        metadata: { order_id: 'A-1001' },
        success_url: 'https://shop.example/thanks',
        created_at: '2026-01-31T12:00:00.000Z',
        expires_at: '2026-01-31T12:15:00.000Z',
      });
      expect(session.id).toMatch(/^cs_[0-9a-f]{32}$/);
    });

    test('prices every option at the local rates, rounded up in base units', async () => {
      const session = await server.createCheckoutSession(order);
      const amounts = Object.fromEntries(
        session.payment_options.map((option) => [option.asset, option.amount]),
      );
      expect(amounts).toEqual({
        USDC: '26086957', // 24 / 0.92 = 26.0869565… USDC
        EURC: '24000000',
        DAI: '26086956521739130435', // 26.086956521739130434782… DAI
        ETH: '8695652173913044', // 24 / 2760 = 0.008695652173913043478… ETH
      });
      expect(session.payment_options[3]).toMatchObject({
        asset: 'ETH',
        token_address: null,
        decimals: 18,
        recipient: merchantAddress,
        rate: { numerator: '2760', denominator: '1' },
      });
    });

    test('refuses the publishable key (401), and no key at all (401)', async () => {
      const withPublishable = provider.client({ secretKey: provider.merchant.publishableKey });
      expect((await apiErrorOf(withPublishable.createCheckoutSession(order))).code).toBe(
        'unauthorized',
      );
      const response = await fetch(`${provider.url}/v1/checkout/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(order),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    });

    test.each<[string, Record<string, unknown>, string]>([
      ['an amount sent as a JSON number', { amount_minor: 2400 }, 'amount_minor'],
      ['a negative amount', { amount_minor: '-1' }, 'amount_minor'],
      ['a zero amount', { amount_minor: '0' }, 'amount_minor'],
      ['a 16-digit amount', { amount_minor: '1000000000000000' }, 'amount_minor'],
      ['a decimal amount', { amount_minor: '24.00' }, 'amount_minor'],
      ['an unknown currency', { currency: 'XYZ' }, 'currency'],
      ['a lowercase currency', { currency: 'eur' }, 'currency'],
      [
        'an address without its checksum',
        { recipients: { '31337': merchantAddress.toUpperCase().replace('0X', '0x') } },
        'recipients[31337]',
      ],
      ['a short address', { recipients: { '31337': '0x1234' } }, 'recipients[31337]'],
      [
        'no address for a chain paid on',
        {
          recipients: { '1': merchantAddress },
          accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
        },
        'recipients[31337]',
      ],
      [
        'an asset unknown on its chain',
        { accepted_assets: [{ chain_id: 31337, asset: 'USDT' }] },
        'accepted_assets[0]',
      ],
      [
        'an asset listed twice',
        {
          accepted_assets: [
            { chain_id: 31337, asset: 'USDC' },
            { chain_id: 31337, asset: 'USDC' },
          ],
        },
        'accepted_assets[1]',
      ],
      ['a price with no configured rate', { currency: 'GBP' }, 'accepted_assets[0]'],
      ['no accepted assets', { accepted_assets: [] }, 'accepted_assets'],
      ['a plain-http success URL', { success_url: 'http://shop.example/thanks' }, 'success_url'],
      ['a javascript: success URL', { success_url: 'javascript:alert(1)' }, 'success_url'],
      ['an expiry of 30 s', { expires_in: 30 }, 'expires_in'],
      ['an expiry of two days', { expires_in: 172800 }, 'expires_in'],
      [
        'a metadata value of 501 characters',
        { metadata: { note: 'x'.repeat(501) } },
        'metadata.note',
      ],
      ['an unknown field', { customer: 'bob' }, 'customer'],
    ])('refuses %s with 400 naming the field, and stores nothing', async (_name, change, param) => {
      const before = await countSessions();
      const error = await apiErrorOf(server.createCheckoutSession({ ...order, ...change }));
      expect({ status: error.status, code: error.code, param: error.param }).toEqual({
        status: 400,
        code: 'invalid_request',
        param,
      });
      expect(await countSessions()).toBe(before);
    });

    test('takes http success URLs on localhost for development', async () => {
      const session = await server.createCheckoutSession({
        ...order,
        success_url: 'http://127.0.0.1:5173/paid',
      });
      expect(session.success_url).toBe('http://127.0.0.1:5173/paid');
    });
  });

  describe('GET /v1/checkout/sessions/{id}', () => {
    test('shows the page what the widget needs, without the merchant metadata', async () => {
      const created = await server.createCheckoutSession(order);
      const seen = await page.getCheckoutSession(created.id);
      expect(seen.metadata).toBeUndefined();
      const { metadata: _metadata, ...withoutMetadata } = created;
      expect(seen).toEqual(withoutMetadata);
    });

    test('takes the publishable key as ?key= too', async () => {
      const created = await server.createCheckoutSession(order);
      const response = await fetch(
        `${provider.url}/v1/checkout/sessions/${created.id}?key=${provider.merchant.publishableKey}`,
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: created.id, status: 'open' });
    });

    test('never takes a secret key in the URL', async () => {
      const created = await server.createCheckoutSession(order);
      const response = await fetch(
        `${provider.url}/v1/checkout/sessions/${created.id}?key=${provider.merchant.secretKey}`,
      );
      expect(response.status).toBe(401);
    });

    test("answers another merchant's session as 404, like an id that never existed", async () => {
      const created = await server.createCheckoutSession(order);
      const otherPage = provider.client({ publishableKey: other.publishableKey });
      const otherServer = provider.client({ secretKey: other.secretKey });
      for (const client of [otherPage, otherServer]) {
        const error = await apiErrorOf(client.getCheckoutSession(created.id));
        expect([error.status, error.code]).toEqual([404, 'not_found']);
      }
      const unknown = await apiErrorOf(
        page.getCheckoutSession('cs_00000000000000000000000000000000'),
      );
      expect(unknown.shortMessage).toBe('No such checkout session.');
    });

    test('answers 401 for a wrong or missing key, whether or not the session exists', async () => {
      const created = await server.createCheckoutSession(order);
      for (const key of [
        `pk_${'0'.repeat(32)}`,
        `sk_${'0'.repeat(64)}`,
        'Bearer',
        provider.merchant.publishableKey.slice(0, -1),
      ]) {
        const client = provider.client({ publishableKey: key });
        expect((await apiErrorOf(client.getCheckoutSession(created.id))).status).toBe(401);
        expect((await apiErrorOf(client.getCheckoutSession('cs_nope'))).status).toBe(401);
      }
    });

    test('expires an open session once the clock passes expires_at', async () => {
      provider.clock.set(testStart);
      const created = await server.createCheckoutSession({ ...order, expires_in: 60 });
      provider.clock.advance(59_999);
      expect((await page.getCheckoutSession(created.id)).status).toBe('open');
      provider.clock.advance(1);
      const expired = await page.getCheckoutSession(created.id);
      expect(expired.status).toBe('expired');
      expect(expired.payment_options).toEqual([]);
      provider.clock.set(testStart);
      expect((await page.getCheckoutSession(created.id)).status).toBe('expired');
    });
  });

  describe('POST /v1/checkout/sessions/{id}/quotes', () => {
    test('locks the exact amount, a 16-byte reference and a 10-minute expiry', async () => {
      provider.clock.set(new Date('2026-01-31T12:00:00.250Z'));
      const session = await server.createCheckoutSession(order);
      const quote = await page.lockQuote(session.id, { chain_id: 31337, asset: 'USDC' });
      expect(quote).toMatchObject({
        object: 'checkout.quote',
        session_id: session.id,
        chain_id: 31337,
        asset: 'USDC',
        token_address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        decimals: 6,
        recipient: merchantAddress,
        amount: '26086957',
        amount_minor: '2400',
        currency: 'EUR',
        pair: 'USDC/EUR',
        rate: { numerator: '23', denominator: '25' },
        expires_at: '2026-01-31T12:10:00.000Z',
        created_at: '2026-01-31T12:00:00.250Z',
      });
      expect(quote.id).toMatch(/^qt_[0-9a-f]{32}$/);
      expect(quote.reference).toMatch(/^[0-9a-f]{32}$/);
    });

    test('signs the quote with the key published at /v1/keys', async () => {
      const session = await server.createCheckoutSession(order);
      const quote = await page.lockQuote(session.id, { chain_id: 31337, asset: 'ETH' });
      const { keys } = await provider.client().getSigningKeys();
      const key = keys.find((each) => each.id === quote.signature.key_id);
      expect(key?.algorithm).toBe('ed25519');
      expect(
        verifyQuoteSignature({
          quote,
          signature: quote.signature.value,
          publicKey: key?.public_key ?? '',
        }),
      ).toBe(true);
      expect(
        verifyQuoteSignature({
          quote: { ...quote, amount: (BigInt(quote.amount) - 1n).toString() },
          signature: quote.signature.value,
          publicKey: key?.public_key ?? '',
        }),
      ).toBe(false);
    });

    test('gives each quote its own reference', async () => {
      const session = await server.createCheckoutSession(order);
      const quotes = await Promise.all(
        [1, 2, 3].map(() => page.lockQuote(session.id, { chain_id: 31337, asset: 'DAI' })),
      );
      expect(new Set(quotes.map((quote) => quote.reference)).size).toBe(3);
      expect(new Set(quotes.map((quote) => quote.amount))).toEqual(
        new Set(['26086956521739130435']),
      );
    });

    test("never holds a quote past the session's expiry", async () => {
      provider.clock.set(testStart);
      const session = await server.createCheckoutSession({ ...order, expires_in: 300 });
      provider.clock.advance(120_000);
      const quote = await page.lockQuote(session.id, { chain_id: 31337, asset: 'USDC' });
      expect(quote.expires_at).toBe(session.expires_at);
    });

    test('refuses an option the session does not accept (400, param asset)', async () => {
      const session = await server.createCheckoutSession({
        ...order,
        accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
      });
      const before = await countQuotes();
      const error = await apiErrorOf(page.lockQuote(session.id, { chain_id: 31337, asset: 'DAI' }));
      expect([error.status, error.code, error.param]).toEqual([400, 'invalid_request', 'asset']);
      expect(await countQuotes()).toBe(before);
    });

    test('refuses to quote an expired session (409 session_not_open)', async () => {
      provider.clock.set(testStart);
      const session = await server.createCheckoutSession({ ...order, expires_in: 60 });
      provider.clock.advance(60_000);
      const error = await apiErrorOf(
        page.lockQuote(session.id, { chain_id: 31337, asset: 'USDC' }),
      );
      expect([error.status, error.code]).toEqual([409, 'session_not_open']);
    });

    test("cannot quote another merchant's session (404)", async () => {
      const session = await server.createCheckoutSession(order);
      const otherPage = provider.client({ publishableKey: other.publishableKey });
      const error = await apiErrorOf(
        otherPage.lockQuote(session.id, { chain_id: 31337, asset: 'USDC' }),
      );
      expect(error.status).toBe(404);
    });

    test('refuses to quote once the rates are too old (503), and quotes again after a refresh', async () => {
      provider.clock.set(testStart);
      await provider.app.rates.refresh();
      const session = await server.createCheckoutSession(order);
      provider.clock.advance(10 * 60_000 + 1);
      const seen = await page.getCheckoutSession(session.id);
      expect(seen.payment_options.map((option) => option.amount)).toEqual([null, null, null, null]);
      const error = await apiErrorOf(
        page.lockQuote(session.id, { chain_id: 31337, asset: 'USDC' }),
      );
      expect([error.status, error.code]).toEqual([503, 'rates_unavailable']);
      await provider.app.rates.refresh();
      const quote = await page.lockQuote(session.id, { chain_id: 31337, asset: 'USDC' });
      expect(quote.amount).toBe('26086957');
    });
  });

  describe('GET /v1/keys', () => {
    test('lists one Ed25519 key, and the same one after a restart on the same database', async () => {
      const { keys } = await provider.client().getSigningKeys();
      expect(keys).toHaveLength(1);
      expect(keys[0]?.public_key).toMatch(/^[0-9a-f]{64}$/);
      const restarted = await startTestProvider({ db });
      try {
        expect((await restarted.app.signingKey()).publicKey).toBe(keys[0]?.public_key);
      } finally {
        await restarted.close();
      }
    });
  });

  describe('/openapi.json', () => {
    test('documents every route with its schemas and security', async () => {
      const response = await fetch(`${provider.url}/openapi.json`);
      const document = (await response.json()) as {
        paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown }>>;
        components: { securitySchemes: Record<string, unknown> };
      };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/v1/rates',
          '/v1/keys',
          '/v1/checkout/sessions',
          '/v1/checkout/sessions/{id}',
          '/v1/checkout/sessions/{id}/quotes',
          '/v1/checkout/sessions/{id}/payments',
        ]),
      );
      expect(document.paths['/v1/checkout/sessions']?.post?.security).toEqual([{ secretKey: [] }]);
      expect(document.paths['/v1/checkout/sessions']?.post?.requestBody).toBeDefined();
      expect(document.paths['/v1/checkout/sessions/{id}/payments']?.post?.security).toEqual([
        { secretKey: [] },
        { publishableKey: [] },
        { publishableKeyQuery: [] },
      ]);
      expect(Object.keys(document.components.securitySchemes)).toEqual([
        'secretKey',
        'publishableKey',
        'publishableKeyQuery',
      ]);
    });
  });

  async function countSessions(): Promise<bigint> {
    const { rows } = await db.query<{ count: bigint }>(
      'select count(*) as count from checkout_sessions',
    );
    return rows[0]?.count ?? -1n;
  }

  async function countQuotes(): Promise<bigint> {
    const { rows } = await db.query<{ count: bigint }>(
      'select count(*) as count from checkout_quotes',
    );
    return rows[0]?.count ?? -1n;
  }
});

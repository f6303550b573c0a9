import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { createProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import { ProviderApiError } from '../../shared/providerClient/errors.ts';
import type { TestMerchant } from '../testing/startTestProvider.ts';
import { createMoonPayAdapter } from './adapters/createMoonPayAdapter.ts';
import { loadCompliancePolicy } from './compliance/loadCompliancePolicy.ts';
import { expireOnrampOrders } from './expireOnrampOrders.ts';
import type { OnrampAdapter } from './OnrampAdapter.ts';
import { createSandboxAdapter } from './sandbox/createSandboxAdapter.ts';
import { createSandboxFunder } from './sandbox/createSandboxFunder.ts';
import { startOnrampTestProvider } from './startOnrampTestProvider.ts';
import type { StartOnrampTestProviderReturnType } from './startOnrampTestProvider.ts';
import type { OnrampOrder } from '../../shared/providerApi/OnrampOrder.ts';

/** Any answer of the API, read loosely: an order's fields, an error, a webhook receipt. */
type Reply = Omit<OnrampOrder, 'object'> & {
  object: string;
  error: { code: string; message: string; param?: string };
  received: boolean;
  outcome: string;
  paths: Record<string, unknown>;
};

const wallet = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const deniedWallet = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';
const webhookKey = 'wk_test_onramp';
const compliancePath = fileURLToPath(
  new URL('./compliance/example-compliance.json', import.meta.url),
);

for (const database of testDatabases()) {
  describe(`on-ramp routes (${database.name})`, () => {
    let db: Database;
    let provider: StartOnrampTestProviderReturnType;
    let merchant: TestMerchant;
    let adapters: OnrampAdapter[];

    beforeAll(async () => {
      db = await database.open();
      // Never called here: these tests stop before any token is sent (sandboxFlow.test.ts sends).
      const funder = createSandboxFunder({
        rpcUrl: 'http://127.0.0.1:9/unused',
        chainId: 31337,
        privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
      });
      adapters = [
        createSandboxAdapter({ funder }),
        createMoonPayAdapter({
          environment: 'sandbox',
          publishableKey: 'pk_test_key',
          secretKey: 'sk_test_key',
          webhookKey,
          currencyCodes: { '31337:USDC': 'usdc' },
          fiatCurrencies: ['USD', 'EUR'],
          fees: { adapterFeeBasisPoints: 450, networkFeeWei: {} },
        }),
      ];
      provider = await startOnrampTestProvider({
        db,
        onramp: {
          adapters,
          compliance: await loadCompliancePolicy({ path: compliancePath }),
          publicUrl: 'http://pay.test',
        },
      });
      merchant = provider.merchant;
    });
    afterAll(async () => {
      await provider.close();
      await db.close();
    });

    const call = async (
      method: 'GET' | 'POST',
      path: string,
      {
        body,
        key = merchant.publishableKey,
        headers = {},
      }: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
    ) => {
      const response = await fetch(`${provider.url}${path}`, {
        method,
        headers: {
          ...(key === null ? {} : { authorization: `Bearer ${key}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Reply };
    };
    const quoteBody = (overrides: Record<string, unknown> = {}) => ({
      fiat_currency: 'USD',
      fiat_amount_minor: '2500',
      chain_id: 31337,
      asset: 'USDC',
      wallet_address: wallet,
      country: 'DE',
      ...overrides,
    });
    const quote = (overrides: Record<string, unknown> = {}) =>
      call('POST', '/v1/onramp/quotes', { body: quoteBody(overrides) });
    const order = async (
      quoteOverrides: Record<string, unknown> = {},
      extra: Record<string, unknown> = {},
    ) => {
      const quoted = await quote(quoteOverrides);
      expect(quoted.status).toBe(200);
      return call('POST', '/v1/onramp/orders', { body: { quote_id: quoted.body.id, ...extra } });
    };
    const eventsOf = async (orderId: string) => {
      const { rows } = await db.query<{ type: string; data: { status: string } }>(
        `select type, data from webhook_events where data->>'id' = $1 order by seq`,
        [orderId],
      );
      return rows.map(({ type, data }) => `${type}:${data.status}`);
    };

    describe('POST /v1/onramp/quotes', () => {
      test('from a fiat amount: 25.00 USD buys 24.24 USDC after a 1.5 % fee and the network fee', async () => {
        const { status, body } = await quote();
        expect(status).toBe(200);
        // Network fee: 65,000 gas × 2 gwei = 0.00013 ETH at 3000 USD = 0.39 USD.
        expect(body).toMatchObject({
          object: 'onramp.quote',
          adapter: 'sandbox',
          adapter_name: 'Sandbox (test cards)',
          chain_id: 31337,
          asset: 'USDC',
          token_address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
          decimals: 6,
          wallet_address: wallet,
          fiat_currency: 'USD',
          fiat_amount_minor: '2500',
          subtotal_minor: '2423',
          crypto_amount: '24230000',
          fees: { adapter_fee_minor: '38', network_fee_minor: '39', total_fee_minor: '77' },
          pair: 'USDC/USD',
          rate: { numerator: '1', denominator: '1' },
          embedding: ['popup', 'iframe'],
          expires_at: '2026-01-31T12:05:00.000Z',
        });
        expect(body.id).toMatch(/^orq_[0-9a-f]{32}$/);
      });

      test("from a crypto amount: 'Buy 12.34 USDC' costs 12.93 USD with fees", async () => {
        const { body } = await quote({ fiat_amount_minor: undefined, crypto_amount: '12340000' });
        expect(body).toMatchObject({
          crypto_amount: '12340000',
          subtotal_minor: '1234',
          fees: { adapter_fee_minor: '20', network_fee_minor: '39' },
          fiat_amount_minor: '1293',
        });
      });

      test('a named adapter is used; the real one has no network fee configured here', async () => {
        const { body } = await quote({ adapter: 'moonpay' });
        expect(body).toMatchObject({
          adapter: 'moonpay',
          adapter_name: 'MoonPay',
          fees: { adapter_fee_minor: '113', network_fee_minor: '0' },
        });
      });

      const refusals: [string, Record<string, unknown>, number, string, string | undefined][] = [
        ['both amounts', { crypto_amount: '1000000' }, 400, 'invalid_request', 'fiat_amount_minor'],
        [
          'no amount',
          { fiat_amount_minor: undefined },
          400,
          'invalid_request',
          'fiat_amount_minor',
        ],
        [
          'an amount as a JSON number',
          { fiat_amount_minor: 2500 },
          400,
          'invalid_request',
          'fiat_amount_minor',
        ],
        [
          'an amount that does not cover the fees',
          { fiat_amount_minor: '40' },
          400,
          'invalid_request',
          'fiat_amount_minor',
        ],
        ['an unknown currency', { fiat_currency: 'XXX' }, 400, 'invalid_request', 'fiat_currency'],
        [
          'a currency without a rate',
          { fiat_currency: 'GBP' },
          400,
          'invalid_request',
          'fiat_currency',
        ],
        ['an unknown asset', { asset: 'DOGE' }, 400, 'invalid_request', 'asset'],
        ['another chain', { chain_id: 1 }, 400, 'invalid_request', 'asset'],
        [
          'an address not checksummed',
          { wallet_address: wallet.toLowerCase() },
          400,
          'invalid_request',
          'wallet_address',
        ],
        [
          'the zero address',
          { wallet_address: `0x${'0'.repeat(40)}` },
          400,
          'invalid_request',
          'wallet_address',
        ],
        ['a lower-case country', { country: 'de' }, 400, 'invalid_request', 'country'],
        ['an unknown adapter', { adapter: 'paypal' }, 400, 'invalid_request', 'adapter'],
        [
          'an adapter that does not sell it',
          { adapter: 'moonpay', asset: 'DAI' },
          400,
          'invalid_request',
          'adapter',
        ],
        ['an unknown field', { tip: '1' }, 400, 'invalid_request', 'tip'],
      ];
      for (const [name, overrides, status, code, param] of refusals) {
        test(`refuses ${name}: ${status} ${code}`, async () => {
          const response = await quote(overrides);
          expect(response.status).toBe(status);
          expect(response.body.error).toMatchObject({
            code,
            ...(param === undefined ? {} : { param }),
          });
        });
      }

      test('needs a key', async () => {
        const response = await call('POST', '/v1/onramp/quotes', { body: quoteBody(), key: null });
        expect(response.status).toBe(401);
      });

      test('a body that is not JSON is a 400, never a 500', async () => {
        const response = await call('POST', '/v1/onramp/quotes', { body: '{"fiat_currency":' });
        expect(response).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
      });
    });

    describe('POST /v1/onramp/orders', () => {
      test('creates the order on the sandbox page, with its created event', async () => {
        const { status, body } = await order();
        expect(status).toBe(200);
        expect(body).toMatchObject({
          object: 'onramp.order',
          status: 'created',
          adapter: 'sandbox',
          hosted_url: `http://pay.test/onramp/sandbox/${body.id}`,
          fiat_amount_minor: '2500',
          crypto_amount: '24230000',
          tx_hash: null,
          failure: null,
          expires_at: '2026-01-31T12:30:00.000Z',
          completed_at: null,
        });
        expect(await eventsOf(body.id)).toEqual(['onramp.order.created:created']);
      });

      test('a MoonPay order gets its signed widget URL', async () => {
        const { body } = await order(
          { adapter: 'moonpay' },
          { redirect_url: 'https://shop.example/back' },
        );
        const url = new URL(body.hosted_url);
        expect(url.origin).toBe('https://buy-sandbox.moonpay.com');
        expect(url.searchParams.get('externalTransactionId')).toBe(body.id);
        expect(url.searchParams.get('redirectURL')).toBe('https://shop.example/back');
        expect(url.searchParams.get('signature')).toMatch(/^[A-Za-z0-9+/]+=*$/);
      });

      const refused: [string, Record<string, unknown>, string, string][] = [
        [
          'a deny-listed address',
          { wallet_address: deniedWallet },
          'onramp_address_denied',
          'wallet_address',
        ],
        [
          'an order over the verification threshold',
          { fiat_amount_minor: '70001', fiat_currency: 'EUR' },
          'onramp_verification_required',
          'fiat_amount_minor',
        ],
        [
          'an order under the minimum',
          { fiat_amount_minor: '499' },
          'onramp_amount_below_minimum',
          'fiat_amount_minor',
        ],
        [
          'an order over the maximum',
          { fiat_amount_minor: '500001' },
          'onramp_amount_above_maximum',
          'fiat_amount_minor',
        ],
        ['a country not served', { country: 'KP' }, 'onramp_country_not_served', 'country'],
      ];
      for (const [name, overrides, code, param] of refused) {
        test(`refuses ${name} with 403 ${code}, saying why`, async () => {
          const response = await order(overrides);
          expect(response.status).toBe(403);
          expect(response.body.error).toMatchObject({ code, param });
          expect(response.body.error.message.length).toBeGreaterThan(20);
        });
      }

      test('the verification message names the threshold', async () => {
        const response = await order({ fiat_amount_minor: '70001', fiat_currency: 'EUR' });
        expect(response.body.error.message).toBe(
          'Purchases above 700 EUR in region eu need identity verification first.',
        );
      });

      test('a quote makes one order only', async () => {
        const quoted = await quote();
        const first = await call('POST', '/v1/onramp/orders', {
          body: { quote_id: quoted.body.id },
        });
        const second = await call('POST', '/v1/onramp/orders', {
          body: { quote_id: quoted.body.id },
        });
        expect(first.status).toBe(200);
        expect(second).toMatchObject({
          status: 409,
          body: { error: { code: 'onramp_quote_used' } },
        });
      });

      test('concurrent orders from one quote: exactly one wins', async () => {
        const quoted = await quote();
        const results = await Promise.all(
          Array.from({ length: 4 }, () =>
            call('POST', '/v1/onramp/orders', { body: { quote_id: quoted.body.id } }),
          ),
        );
        expect(results.map(({ status }) => status).sort()).toEqual([200, 409, 409, 409]);
      });

      test('an expired quote is refused', async () => {
        const quoted = await quote();
        provider.clock.advance(300_000);
        try {
          const response = await call('POST', '/v1/onramp/orders', {
            body: { quote_id: quoted.body.id },
          });
          expect(response).toMatchObject({
            status: 409,
            body: { error: { code: 'onramp_quote_expired' } },
          });
        } finally {
          provider.clock.advance(-300_000);
        }
      });

      test("another merchant's quote is not found", async () => {
        const quoted = await quote();
        const other = await provider.createMerchant('Other shop');
        const response = await call('POST', '/v1/onramp/orders', {
          body: { quote_id: quoted.body.id },
          key: other.publishableKey,
        });
        expect(response).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      });

      test('a redirect URL must be https (or local http)', async () => {
        const response = await order({}, { redirect_url: 'http://shop.example/back' });
        expect(response).toMatchObject({ status: 400, body: { error: { param: 'redirect_url' } } });
      });

      test('a malformed quote id is a 400', async () => {
        const response = await call('POST', '/v1/onramp/orders', { body: { quote_id: 'qt_1' } });
        expect(response).toMatchObject({ status: 400, body: { error: { param: 'quote_id' } } });
      });
    });

    describe('GET /v1/onramp/orders/{id}', () => {
      test('the page reads its order with the publishable key (header or ?key=)', async () => {
        const created = await order();
        const read = await call('GET', `/v1/onramp/orders/${created.body.id}`);
        expect(read).toMatchObject({
          status: 200,
          body: { id: created.body.id, status: 'created' },
        });
        const byQuery = await call(
          'GET',
          `/v1/onramp/orders/${created.body.id}?key=${merchant.publishableKey}`,
          { key: null },
        );
        expect(byQuery.status).toBe(200);
      });

      test("another merchant's order is as absent as an unknown one", async () => {
        const created = await order();
        const other = await provider.createMerchant('Third shop');
        const response = await call('GET', `/v1/onramp/orders/${created.body.id}`, {
          key: other.secretKey,
        });
        expect(response).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      });

      test('a created order past its expiry reads as expired, with its event', async () => {
        const created = await order();
        provider.clock.advance(30 * 60_000);
        try {
          const read = await call('GET', `/v1/onramp/orders/${created.body.id}`);
          expect(read.body.status).toBe('expired');
          expect(await eventsOf(created.body.id)).toEqual([
            'onramp.order.created:created',
            'onramp.order.expired:expired',
          ]);
        } finally {
          provider.clock.advance(-30 * 60_000);
        }
      });
    });

    test('the sweeper expires created orders past their expiry, once', async () => {
      const created = await order();
      const later = new Date(provider.clock.now().getTime() + 31 * 60_000);
      let total = 0;
      for (;;) {
        const round = await expireOnrampOrders({ db, now: later, adapters, limit: 50 });
        total += round.expired;
        if (round.examined < 50) break;
      }
      expect(total).toBeGreaterThanOrEqual(1);
      expect(await eventsOf(created.body.id)).toEqual([
        'onramp.order.created:created',
        'onramp.order.expired:expired',
      ]);
      expect(await expireOnrampOrders({ db, now: later, adapters })).toEqual({
        expired: 0,
        examined: 0,
      });
    });

    describe('POST /v1/onramp/webhooks/moonpay', () => {
      const moonPayBody = (orderId: string, overrides: Record<string, unknown> = {}) => {
        const recorded = JSON.parse(
          readFileSync(
            new URL('./fixtures/moonpay-transaction-failed.json', import.meta.url),
            'utf8',
          ),
        ) as { type: string; data: Record<string, unknown> };
        return JSON.stringify({
          ...recorded,
          data: {
            ...recorded.data,
            // MoonPay's own id of the transaction: one per order.
            id: `mp-${orderId}`,
            externalTransactionId: orderId,
            walletAddress: wallet,
            ...overrides,
          },
        });
      };
      const deliver = (rawBody: string, key = webhookKey) => {
        const t = Math.floor(provider.clock.now().getTime() / 1000);
        const s = createHmac('sha256', key).update(`${t}.${rawBody}`).digest('hex');
        return call('POST', '/v1/onramp/webhooks/moonpay', {
          body: rawBody,
          key: null,
          headers: { 'moonpay-signature-v2': `t=${t},s=${s}` },
        });
      };

      test('a signed completion completes the order with the hash, once', async () => {
        const created = await order({ adapter: 'moonpay' });
        const pending = await deliver(
          moonPayBody(created.body.id, { status: 'pending', cryptoTransactionId: null }),
        );
        expect(pending.body).toEqual({ received: true, outcome: 'changed' });
        const completed = await deliver(moonPayBody(created.body.id));
        expect(completed.body).toEqual({ received: true, outcome: 'changed' });
        const again = await deliver(moonPayBody(created.body.id));
        expect(again.body).toEqual({ received: true, outcome: 'refused' });
        const read = await call('GET', `/v1/onramp/orders/${created.body.id}`);
        expect(read.body).toMatchObject({
          status: 'completed',
          tx_hash: '0x6751c8fce2e0fb5d57bb4801b31b35a7160fa362e0c5703d44cfd508317ee2f8',
          completed_at: '2026-01-31T12:00:00.000Z',
        });
        expect(await eventsOf(created.body.id)).toEqual([
          'onramp.order.created:created',
          'onramp.order.pending:pending',
          'onramp.order.completed:completed',
        ]);
      });

      test('delivery to another wallet fails the order', async () => {
        const created = await order({ adapter: 'moonpay' });
        const response = await deliver(
          moonPayBody(created.body.id, { walletAddress: deniedWallet }),
        );
        expect(response.body.outcome).toBe('changed');
        const read = await call('GET', `/v1/onramp/orders/${created.body.id}`);
        expect(read.body).toMatchObject({ status: 'failed', failure: { code: 'wallet_mismatch' } });
      });

      test('a bad signature is a 401 and changes nothing', async () => {
        const created = await order({ adapter: 'moonpay' });
        const response = await deliver(moonPayBody(created.body.id), 'wk_forged');
        expect(response).toMatchObject({
          status: 401,
          body: { error: { code: 'onramp_webhook_signature_invalid' } },
        });
        expect((await call('GET', `/v1/onramp/orders/${created.body.id}`)).body.status).toBe(
          'created',
        );
      });

      test('a signed body without what MoonPay always sends is a 400', async () => {
        const response = await deliver(JSON.stringify({ type: 'transaction_updated', data: {} }));
        expect(response).toMatchObject({
          status: 400,
          body: { error: { code: 'invalid_request' } },
        });
      });

      test('events about other things, and unknown orders, are acknowledged', async () => {
        expect(
          (await deliver(JSON.stringify({ type: 'identity_check_updated', data: {} }))).body,
        ).toEqual({
          received: true,
          outcome: 'ignored',
        });
        expect((await deliver(moonPayBody('oro_ffffffffffffffffffffffffffffffff'))).body).toEqual({
          received: true,
          outcome: 'unknown_order',
        });
      });

      test('an adapter without webhooks, or unknown, is a 404', async () => {
        for (const adapter of ['sandbox', 'ramp']) {
          const response = await call('POST', `/v1/onramp/webhooks/${adapter}`, {
            body: '{}',
            key: null,
          });
          expect(response.status).toBe(404);
        }
      });
    });

    test('the typed client quotes, orders and reads; a refusal is a ProviderApiError with its code', async () => {
      const client = createProviderClient({
        baseUrl: provider.url,
        publishableKey: merchant.publishableKey,
      });
      const quoted = await client.createOnrampQuote(quoteBody({ fiat_amount_minor: '1000' }));
      const created = await client.createOnrampOrder({ quote_id: quoted.id });
      expect((await client.getOnrampOrder(created.id)).status).toBe('created');
      const denied = await client.createOnrampQuote(quoteBody({ wallet_address: deniedWallet }));
      const refusal = client.createOnrampOrder({ quote_id: denied.id });
      await expect(refusal).rejects.toBeInstanceOf(ProviderApiError);
      await expect(client.createOnrampOrder({ quote_id: denied.id })).rejects.toMatchObject({
        code: 'onramp_address_denied',
        status: 403,
        param: 'wallet_address',
      });
    });

    test('the OpenAPI document lists the on-ramp routes; CORS lets pages call them', async () => {
      const document = await call('GET', '/openapi.json', { key: null });
      expect(Object.keys(document.body.paths as object)).toEqual(
        expect.arrayContaining([
          '/v1/onramp/quotes',
          '/v1/onramp/orders',
          '/v1/onramp/orders/{id}',
          '/v1/onramp/webhooks/{adapter}',
        ]),
      );
      const preflight = await fetch(`${provider.url}/v1/onramp/quotes`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
    });
  });
}

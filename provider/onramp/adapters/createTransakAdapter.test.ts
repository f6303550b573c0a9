import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChainAsset } from '../../../shared/chains/findChainAsset.ts';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { OnrampAdapterRequestError, OnrampWebhookSignatureError } from '../errors.ts';
import { createTransakAdapter } from './createTransakAdapter.ts';

const recorded = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

type Seen = { path: string; headers: Record<string, unknown>; body: unknown };

/** A local stand-in for Transak's API answering with the recorded responses. */
async function startFakeTransak(answer: (path: string) => { status: number; body: string }) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      seen.push({
        path,
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
      });
      const { status, body } = answer(path);
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

const usdc = findChainAsset({ chainId: 31337, symbol: 'USDC' });
if (usdc === undefined) throw new Error('USDC is a dev chain asset');
const order = {
  id: 'oro_0123456789abcdef0123456789abcdef',
  asset: usdc,
  walletAddress: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  fiatCurrency: fiatCurrency('EUR'),
  fiatAmountMinor: 1293n,
  cryptoAmount: 12_340_000n,
  country: 'DE',
  redirectUrl: 'https://shop.example/done',
};
const settings = {
  environment: 'staging' as const,
  apiKey: 'YOUR_API_KEY',
  referrerDomain: 'shop.example',
  assets: { '31337:USDC': { cryptoCurrencyCode: 'USDC', network: 'ethereum' } },
  fiatCurrencies: ['EUR'],
  fees: { adapterFeeBasisPoints: 199, networkFeeWei: {} },
  now: () => new Date('2026-01-31T12:00:00Z'),
};

describe('createTransakAdapter', () => {
  let transak: Awaited<ReturnType<typeof startFakeTransak>>;
  beforeAll(async () => {
    transak = await startFakeTransak((path) =>
      path === '/partners/api/v2/refresh-token'
        ? {
            status: 200,
            body: recorded('transak-refresh-token.response.json').replace(
              '1770977934',
              '1780000000',
            ),
          }
        : { status: 200, body: recorded('transak-create-widget-url.response.json') },
    );
  });
  afterAll(() => transak.close());

  test('gets a token with the API secret, then a single-use widget URL with the order in widgetParams', async () => {
    const adapter = createTransakAdapter({
      ...settings,
      apiSecret: 'YOUR_API_SECRET',
      apiBaseUrl: transak.url,
      gatewayBaseUrl: transak.url,
    });
    const created = await adapter.createOrder({ order, providerUrl: 'https://pay.example' });
    expect(created.hostedUrl).toBe(
      'https://global-stg.transak.com?apiKey=YOUR_API_KEY&sessionId=YOUR_SESSION_ID',
    );
    const [refresh, session] = transak.seen;
    expect(refresh).toMatchObject({
      path: '/partners/api/v2/refresh-token',
      headers: { 'api-secret': 'YOUR_API_SECRET' },
      body: { apiKey: 'YOUR_API_KEY' },
    });
    expect(session).toMatchObject({
      path: '/api/v2/auth/session',
      headers: { 'access-token': 'YOUR_ACCESS_TOKEN' },
      body: {
        widgetParams: {
          apiKey: 'YOUR_API_KEY',
          referrerDomain: 'shop.example',
          productsAvailed: 'BUY',
          cryptoCurrencyCode: 'USDC',
          network: 'ethereum',
          walletAddress: order.walletAddress,
          disableWalletAddressForm: true,
          fiatCurrency: 'EUR',
          fiatAmount: 12.93,
          partnerOrderId: order.id,
          redirectURL: 'https://shop.example/done',
        },
      },
    });
    // The token is reused until it nears its expiry.
    await adapter.createOrder({ order, providerUrl: 'https://pay.example' });
    expect(transak.seen.filter(({ path }) => path.includes('refresh-token'))).toHaveLength(1);
  });

  test('verifies webhooks with the same access token', async () => {
    const adapter = createTransakAdapter({ ...settings, accessToken: 'static-token' });
    const claims = JSON.parse(recorded('transak-order-completed.claims.json')) as unknown;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signed = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
    const jwt = (key: string) =>
      `${signed}.${createHmac('sha256', key).update(signed).digest('base64url')}`;
    const request = (key: string) => ({
      headers: {},
      rawBody: JSON.stringify({ data: jwt(key) }),
      now: settings.now(),
    });
    const webhooks = adapter.webhooks;
    if (webhooks === undefined) throw new Error('Transak sends webhooks');
    expect(webhooks.parse(await webhooks.verify(request('static-token')))).toMatchObject({
      kind: 'order',
      event: { type: 'complete' },
    });
    await expect(webhooks.verify(request('another-token'))).rejects.toThrow(
      OnrampWebhookSignatureError,
    );
  });

  test('an API error or an answer without a widget URL is a typed error', async () => {
    const failing = await startFakeTransak(() => ({ status: 401, body: '{"error":"bad token"}' }));
    const empty = await startFakeTransak(() => ({
      status: 200,
      body: '{"data":{"widgetUrl":"javascript:alert(1)"}}',
    }));
    try {
      for (const server of [failing, empty]) {
        const adapter = createTransakAdapter({
          ...settings,
          accessToken: 't',
          gatewayBaseUrl: server.url,
        });
        await expect(
          adapter.createOrder({ order, providerUrl: 'https://pay.example' }),
        ).rejects.toThrow(OnrampAdapterRequestError);
      }
    } finally {
      await Promise.all([failing.close(), empty.close()]);
    }
  });

  test('needs exactly one of apiSecret and accessToken', () => {
    expect(() => createTransakAdapter(settings)).toThrow(TypeError);
    expect(() => createTransakAdapter({ ...settings, apiSecret: 's', accessToken: 't' })).toThrow(
      TypeError,
    );
  });
});

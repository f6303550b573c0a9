import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from '../buildServer.ts';
import type { Database } from '../db/Database.ts';
import { openPgliteDatabase } from '../db/openPgliteDatabase.ts';
import { createLocalRateSettings, localRates } from '../rateBook/createLocalRateSettings.ts';
import { createLocalSource } from '../rates/createLocalSource.ts';
import { startTestProvider } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';
import { createWebhookEndpoint } from '../webhooks/createWebhookEndpoint.ts';
import { enqueueWebhookEvent } from '../webhooks/enqueueWebhookEvent.ts';
import { startWebhookReceiver } from '../webhooks/startWebhookReceiver.ts';

const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const sessionBody = {
  amount_minor: '2400',
  currency: 'EUR',
  recipients: { '31337': address },
  accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
};

/** The value of one sample line `name{labels} value`, or undefined if the series is absent. */
function readSample(text: string, name: string, labels = ''): number | undefined {
  const prefix = labels === '' ? `${name} ` : `${name}{${labels}} `;
  const line = text.split('\n').find((candidate) => candidate.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(prefix.length));
}

async function scrape(app: FastifyInstance, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url: '/metrics', headers });
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 250; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met within 5 s');
}

describe('GET /metrics', () => {
  let db: Database;
  let provider: StartTestProviderReturnType;

  beforeAll(async () => {
    db = await openPgliteDatabase({ dataDir: undefined });
    provider = await startTestProvider({ db });
    await provider.app.rates.refresh();
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  test('answers the Prometheus text format with process and provider metrics', async () => {
    const response = await scrape(provider.app);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      'process_cpu_user_seconds_total',
      'nodejs_eventloop_lag_seconds',
      'http_request_duration_seconds',
      'checkout_sessions_created_total',
      'checkout_quotes_locked_total',
      'webhook_deliveries_total',
      'rate_refresh_failures_total',
      'rate_pairs_unavailable',
      'payments_observed_total',
      'chain_watcher_head_block',
    ]) {
      expect(response.body).toContain(`# TYPE ${name} `);
    }
  });

  test('labels request durations by route pattern and status, never by the raw URL', async () => {
    const { publishableKey } = provider.merchant;
    for (const path of [
      '/v1/checkout/sessions/cs_madeUpOne',
      '/v1/checkout/sessions/cs_madeUpTwo',
      '/no/such/route-xyz1',
      '/another/unknown-xyz2',
    ]) {
      await provider.app.inject({
        method: 'GET',
        url: path,
        headers: { authorization: `Bearer ${publishableKey}` },
      });
    }
    const text = (await scrape(provider.app)).body;
    const count = 'http_request_duration_seconds_count';
    expect(
      readSample(text, count, 'method="GET",route="/v1/checkout/sessions/:id",status_code="404"'),
    ).toBe(2);
    expect(readSample(text, count, 'method="GET",route="unmatched",status_code="404"')).toBe(2);
    expect(text).not.toMatch(/madeUp|xyz1|xyz2/);
  });

  test('counts created sessions and locked quotes, not idempotent replays', async () => {
    const before = (await scrape(provider.app)).body;
    const headers = {
      authorization: `Bearer ${provider.merchant.secretKey}`,
      'idempotency-key': 'metrics-order-1',
    };
    const first = await provider.app.inject({
      method: 'POST',
      url: '/v1/checkout/sessions',
      headers,
      payload: sessionBody,
    });
    const replay = await provider.app.inject({
      method: 'POST',
      url: '/v1/checkout/sessions',
      headers,
      payload: sessionBody,
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const quote = await provider.app.inject({
      method: 'POST',
      url: `/v1/checkout/sessions/${first.json<{ id: string }>().id}/quotes`,
      headers: { authorization: `Bearer ${provider.merchant.publishableKey}` },
      payload: { chain_id: 31337, asset: 'USDC' },
    });
    expect(quote.statusCode).toBe(200);
    const after = (await scrape(provider.app)).body;
    const delta = (name: string) =>
      (readSample(after, name) ?? 0) - (readSample(before, name) ?? 0);
    expect(delta('checkout_sessions_created_total')).toBe(1);
    expect(delta('checkout_quotes_locked_total')).toBe(1);
  });

  test('counts webhook deliveries by outcome', async () => {
    const receiver = await startWebhookReceiver({
      answer: (request) => ({ status: request.path.endsWith('/fail') ? 500 : 200 }),
    });
    try {
      const now = provider.clock.now();
      for (const url of [receiver.url, `${receiver.url}/fail`]) {
        // Straight to storage: the API refuses http://127.0.0.1 outside development mode.
        await createWebhookEndpoint(db, {
          merchantId: provider.merchant.id,
          url,
          enabledEvents: ['*'],
          now,
        });
      }
      await enqueueWebhookEvent(db, {
        merchantId: provider.merchant.id,
        type: 'checkout.session.settled',
        data: {},
        now,
      });
      await eventually(async () => {
        const text = (await scrape(provider.app)).body;
        return (
          readSample(text, 'webhook_deliveries_total', 'outcome="delivered"') === 1 &&
          readSample(text, 'webhook_deliveries_total', 'outcome="retrying"') === 1
        );
      });
    } finally {
      await receiver.close();
    }
  });

  test('is hidden from the OpenAPI document and gets no CORS headers', async () => {
    const document = (await provider.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(document.paths)).not.toContain('/metrics');
    const response = await scrape(provider.app, { origin: 'https://shop.example' });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await provider.app.inject({ method: 'OPTIONS', url: '/metrics' });
    expect(preflight.statusCode).toBe(404);
  });

  test('each server counts in its own registry', async () => {
    const other = await buildServer({
      db,
      rates: createLocalRateSettings({ refreshIntervalMs: null }),
    });
    try {
      for (let index = 0; index < 3; index++) {
        await provider.app.inject({ method: 'GET', url: '/healthz' });
      }
      const series = 'method="GET",route="/healthz",status_code="200"';
      const count = 'http_request_duration_seconds_count';
      expect(readSample((await scrape(other)).body, count, series)).toBeUndefined();
      expect(readSample((await scrape(provider.app)).body, count, series)).toBeGreaterThanOrEqual(
        3,
      );
    } finally {
      await other.close();
    }
  });

  test('counts rate refreshes that fail as a whole', async () => {
    const source = createLocalSource({ id: 'twin', rates: localRates });
    const broken = await buildServer({
      db,
      rates: {
        // Two sources with one id: a configuration error, so the refresh fails as a whole.
        pairs: [{ pair: 'ETH/EUR', sources: [source, source] }],
        toleranceBasisPoints: 50n,
        maxAgeMs: 60_000,
        timeoutMs: 1_000,
        refreshIntervalMs: null,
      },
    });
    try {
      // The first request readies the server, which refreshes the rates once.
      const text = (await scrape(broken)).body;
      expect(readSample(text, 'rate_refresh_failures_total')).toBe(1);
      expect(readSample(text, 'rate_pairs_unavailable')).toBe(1);
    } finally {
      await broken.close();
    }
  });

  test('with a token, answers 401 unless it is presented', async () => {
    const guarded = await buildServer({
      db,
      rates: createLocalRateSettings({ refreshIntervalMs: null }),
      metricsToken: 'scrape-me-please',
    });
    try {
      const refusals: Record<string, string>[] = [
        {},
        { authorization: 'Bearer scrape-me' },
        { authorization: 'scrape-me-please' },
      ];
      for (const headers of refusals) {
        const refused = await scrape(guarded, headers);
        expect(refused.statusCode).toBe(401);
        expect(refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
      }
      const allowed = await scrape(guarded, { authorization: 'Bearer scrape-me-please' });
      expect(allowed.statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

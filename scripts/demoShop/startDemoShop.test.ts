import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../provider/db/Database.ts';
import { testDatabases } from '../../provider/db/testDatabases.ts';
import { startTestProvider } from '../../provider/testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../../provider/testing/startTestProvider.ts';
import { startDemoShop } from './startDemoShop.ts';
import type { StartDemoShopReturnType } from './startDemoShop.ts';

const [pglite] = testDatabases();

describe('startDemoShop', () => {
  let db: Database;
  let provider: StartTestProviderReturnType;
  let shop: StartDemoShopReturnType;
  let unconfiguredShop: StartDemoShopReturnType;
  let providerlessShop: StartDemoShopReturnType;

  beforeAll(async () => {
    if (pglite === undefined) throw new Error('no test database');
    db = await pglite.open();
    provider = await startTestProvider({ db });
    await provider.app.rates.refresh();
    const directory = mkdtempSync(join(tmpdir(), 'tp-shop-'));
    const widgetDir = join(directory, 'widget');
    const demoPagesDir = join(directory, 'pages');
    mkdirSync(widgetDir);
    mkdirSync(demoPagesDir);
    writeFileSync(join(widgetDir, 'checkout.js'), 'export {};');
    writeFileSync(join(demoPagesDir, 'react.js'), 'export const react = 1;');
    const merchantFile = join(directory, 'merchant.json');
    writeFileSync(
      merchantFile,
      JSON.stringify({
        secretKey: provider.merchant.secretKey,
        publishableKey: provider.merchant.publishableKey,
      }),
    );
    shop = await startDemoShop({
      port: 0,
      widgetDir,
      demoPagesDir,
      providerUrl: provider.url,
      merchantFile,
    });
    unconfiguredShop = await startDemoShop({ port: 0, widgetDir });
    // Nothing listens on port 9 (discard) here: the provider "is down".
    providerlessShop = await startDemoShop({
      port: 0,
      widgetDir,
      providerUrl: 'http://127.0.0.1:9',
      merchantFile,
    });
  });
  afterAll(async () => {
    await Promise.all([shop.stop(), unconfiguredShop.stop(), providerlessShop.stop()]);
    await provider.close();
    await db.close();
  });

  it('serves the product page with the widget and a new session, under a strict CSP', async () => {
    const response = await fetch(`${shop.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    const html = await response.text();
    const sessionId = /<tp-checkout session="(cs_[A-Za-z0-9_]+)"/.exec(html)?.[1];
    expect(sessionId).toBeDefined();
    expect(html).toContain(`publishable-key="${provider.merchant.publishableKey}"`);
    expect(html).toContain('<script type="module" src="/widget/checkout.js"></script>');
    expect(html).not.toContain(provider.merchant.secretKey);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    const session = await provider
      .client({ secretKey: provider.merchant.secretKey })
      .getCheckoutSession(sessionId ?? '');
    expect(session).toMatchObject({ status: 'open', amount_minor: '1999', currency: 'EUR' });
    expect(session.metadata?.order_id).toMatch(/^order-[0-9a-f-]{36}$/);
  });

  it('sells the monthly plan at /subscribe and the same with a 7-day free trial at /subscribe?plan=trial', async () => {
    const client = provider.client({ secretKey: provider.merchant.secretKey });
    const planOf = async (path: string) => {
      const response = await fetch(`${shop.url}${path}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('mode="subscription"');
      const sessionId = /<tp-checkout session="(cs_[A-Za-z0-9_]+)"/.exec(html)?.[1] ?? '';
      return { html, plan: (await client.getSubscriptionCheckout(sessionId)).plan };
    };
    const monthly = await planOf('/subscribe');
    expect(monthly.plan).toMatchObject({ trial_days: 0, amount_minor: '999' });
    const trial = await planOf('/subscribe?plan=trial');
    expect(trial.plan).toMatchObject({ trial_days: 7, amount_minor: '999', interval: 'month' });
    expect(trial.plan.id).not.toBe(monthly.plan.id);
    expect(trial.html).toContain('7 days free, then €9.99 / month');
    // Every visit gets its own session, of the same plan.
    expect((await planOf('/subscribe?plan=trial')).plan.id).toBe(trial.plan.id);
    expect((await fetch(`${shop.url}/subscribe?plan=yearly`)).status).toBe(404);
  });

  it('creates a new session for every visit', async () => {
    const sessionOf = async () =>
      /session="(cs_[A-Za-z0-9_]+)"/.exec(await (await fetch(`${shop.url}/`)).text())?.[1];
    expect(await sessionOf()).not.toBe(await sessionOf());
  });

  it('gives script-built pages a session id and the publishable key, never the secret key', async () => {
    const response = await fetch(`${shop.url}/api/checkout-sessions`, { method: 'POST' });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toEqual({
      session_id: expect.stringMatching(/^cs_/) as string,
      publishable_key: provider.merchant.publishableKey,
      provider_url: provider.url,
    });
  });

  it("answers a session's status from the provider, for the order check", async () => {
    const created = (await (
      await fetch(`${shop.url}/api/checkout-sessions`, { method: 'POST' })
    ).json()) as { session_id: string };
    const response = await fetch(`${shop.url}/api/checkout-sessions/${created.session_id}`);
    expect(await response.json()).toEqual({ id: created.session_id, status: 'open' });
    expect(
      (await fetch(`${shop.url}/api/checkout-sessions/cs_00000000000000000000000000000000`)).status,
    ).toBe(404);
  });

  it('says checkout is not set up when it has no merchant keys, and still serves the page', async () => {
    const response = await fetch(`${unconfiguredShop.url}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Checkout is not set up');
    expect(html).not.toContain('<tp-checkout');
    expect(html).toContain('id="wallets"');
    const api = await fetch(`${unconfiguredShop.url}/api/checkout-sessions`, { method: 'POST' });
    expect(api.status).toBe(503);
  });

  it('says checkout is unavailable when the provider does not answer', async () => {
    const response = await fetch(`${providerlessShop.url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('Checkout is unavailable right now');
  });

  it('serves the built widget under /widget/ and the demo pages under /demo-pages/', async () => {
    const widget = await fetch(`${shop.url}/widget/checkout.js`);
    expect(widget.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await widget.text()).toBe('export {};');
    expect(await (await fetch(`${shop.url}/demo-pages/react.js`)).text()).toBe(
      'export const react = 1;',
    );
    for (const page of ['/react', '/vue']) {
      const response = await fetch(`${shop.url}${page}`);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
      expect(await response.text()).toContain(`src="/demo-pages${page}.js"`);
    }
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/widget/../../package.json',
    '/widget/%2e%2e%2fstartDemoShop.ts',
    '/demo-pages/%2e%2e%2f..%2fpackage.json',
  ])('does not serve files outside its folders: %s', async (path) => {
    const response = await fetch(`${shop.url}${path}`);
    expect(response.status).toBe(404);
  });

  it('does not serve files outside its folders for raw, unnormalized paths', async () => {
    // fetch() normalizes "..", so send the raw request line.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(`${shop.url}/`, { path: '/../../package.json' }, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(404);
  });

  it('answers 400 for a path that is not valid percent-encoding', async () => {
    expect((await fetch(`${shop.url}/%E0%A4%A`)).status).toBe(400);
  });

  it('answers 404 for missing files and 405 for writes to static files', async () => {
    expect((await fetch(`${shop.url}/nope.html`)).status).toBe(404);
    expect((await fetch(`${shop.url}/shop.css`, { method: 'POST' })).status).toBe(405);
  });
});

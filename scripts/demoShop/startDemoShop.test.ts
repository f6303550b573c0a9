import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoShop } from './startDemoShop.ts';
import type { StartDemoShopReturnType } from './startDemoShop.ts';

describe('startDemoShop', () => {
  let shop: StartDemoShopReturnType;
  beforeAll(async () => {
    const widgetDir = mkdtempSync(join(tmpdir(), 'tp-widget-'));
    mkdirSync(widgetDir, { recursive: true });
    writeFileSync(join(widgetDir, 'checkout.js'), 'export {};');
    shop = await startDemoShop({ port: 0, widgetDir });
  });
  afterAll(() => shop.stop());

  it('serves the shop page under a strict CSP', async () => {
    const response = await fetch(`${shop.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<tp-checkout');
  });

  it('serves the built widget under /widget/', async () => {
    const response = await fetch(`${shop.url}/widget/checkout.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('export {};');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/widget/../../package.json',
    '/widget/%2e%2e%2fstartDemoShop.ts',
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

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await fetch(`${shop.url}/nope.html`)).status).toBe(404);
    expect((await fetch(`${shop.url}/`, { method: 'POST' })).status).toBe(405);
  });
});

/**
 * The checkout e2e tests' Playwright `test`: TP Pay's fixtures (stack, Chromium with TP Wallet,
 * wallet driver) plus `shop`, the demo shop wired to this run's provider and demo merchant.
 *
 * The shop is started here (port 0) from `scripts/demoShop/startDemoShop.ts`, the same code the
 * stack runs, because the stack's own shop is started without the merchant keys until the stack
 * passes them (`providerUrl`, `merchantFile`); the React and Vue pages are built first.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildDemoPages } from '../../scripts/demoShop/buildDemoPages.ts';
import { startDemoShop } from '../../scripts/demoShop/startDemoShop.ts';
import { createProviderClient } from '../../shared/providerClient/index.ts';
import type { ProviderClient } from '../../shared/providerClient/index.ts';
import { test as base } from '../fixtures.ts';

export type CheckoutShop = {
  readonly url: string;
  readonly merchantFile: string;
  readonly publishableKey: string;
  /** The provider as the merchant's server sees it (secret key): to create and read sessions. */
  readonly merchantApi: ProviderClient;
};

export const test = base.extend<object, { shop: CheckoutShop }>({
  shop: [
    async ({ stack }, use) => {
      const stackFile = process.env.TP_STACK_FILE ?? resolve('.data/stack.json');
      const merchantFile = join(dirname(stackFile), 'merchant.json');
      const { secretKey, publishableKey } = JSON.parse(readFileSync(merchantFile, 'utf8')) as {
        secretKey: string;
        publishableKey: string;
      };
      const { outDir } = await buildDemoPages({ outDir: 'dist/demo-shop' });
      const shop = await startDemoShop({
        port: 0,
        widgetDir: 'dist/widget',
        demoPagesDir: outDir,
        providerUrl: stack.providerUrl,
        merchantFile,
      });
      await use({
        url: shop.url,
        merchantFile,
        publishableKey,
        merchantApi: createProviderClient({ baseUrl: stack.providerUrl, secretKey }),
      });
      await shop.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '../fixtures.ts';

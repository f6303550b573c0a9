/**
 * TP Pay's end-to-end test API: a Playwright `test` with the local stack and a real Chromium that
 * has TP Wallet loaded. Merchants and dapp developers can use it to test their own pages against
 * the wallet:
 *
 * ```ts
 * import { test, expect } from './fixtures.ts';
 *
 * test('my shop sees the wallet', async ({ page, stack, wallet }) => {
 *   await page.goto(stack.shopUrl);
 *   expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_chainId' }))).toBe('0x7a69');
 * });
 * ```
 *
 * Fixtures:
 * - `stack` (per run): the running local stack — chain RPC URL, provider URL, shop URL, test token
 *   addresses and funded accounts. Read from `TP_STACK_FILE` (set by the global setup), else from
 *   `.data/stack.json` (a stack you started with `npm start`).
 * - `context` (per test): a persistent Chromium context, fresh profile, `dist/extension` loaded.
 *   Chromium comes from `CHROMIUM_PATH`, else `/usr/bin/chromium`, else Playwright's own.
 * - `extensionId`: the loaded extension's id.
 * - `wallet`: drives the wallet's own UI and service worker.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium } from '@playwright/test';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { StackInfo } from '../scripts/stack/StackInfo.ts';
import { chromiumLaunchOptions } from './chromiumLaunchOptions.ts';

export type { StackInfo };

export type WalletDriver = {
  /** The extension's background service worker (started if needed). */
  serviceWorker(): Promise<Worker>;
  /** Opens the toolbar popup's page in a tab. */
  openPopup(): Promise<Page>;
  /** Stops the service worker as the browser does when it idles; the next message restarts it. */
  stopServiceWorker(): Promise<void>;
};

export type TpPayTestFixtures = {
  extensionId: string;
  wallet: WalletDriver;
};

export type TpPayWorkerFixtures = {
  stack: StackInfo;
};

export const test = base.extend<
  TpPayTestFixtures & { context: BrowserContext },
  TpPayWorkerFixtures
>({
  stack: [
    async ({}, use) => {
      const stackFile = process.env.TP_STACK_FILE ?? resolve('.data/stack.json');
      await use(JSON.parse(readFileSync(stackFile, 'utf8')) as StackInfo);
    },
    { scope: 'worker' },
  ],

  context: async ({ stack }, use) => {
    const profileDir = mkdtempSync(join(tmpdir(), 'tp-wallet-profile-'));
    const context = await chromium.launchPersistentContext(
      profileDir,
      chromiumLaunchOptions([
        `--disable-extensions-except=${stack.extensionDir}`,
        `--load-extension=${stack.extensionDir}`,
      ]),
    );
    await use(context);
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  },

  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    await use(id);
  },

  wallet: async ({ context, extensionId }, use) => {
    const serviceWorker = async () =>
      context
        .serviceWorkers()
        .find((worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`)) ??
      (await context.waitForEvent('serviceworker'));
    await use({
      serviceWorker,
      openPopup: async () => {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/extension/ui/popup/popup.html`);
        return page;
      },
      stopServiceWorker: async () => {
        const page = context.pages()[0] ?? (await context.newPage());
        const cdp = await context.newCDPSession(page);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await cdp.detach();
      },
    });
  },
});

export { expect } from '@playwright/test';

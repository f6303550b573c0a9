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
 * - `context` (per test): a persistent Chromium context, fresh profile (`profileDir`), `dist/extension` loaded.
 *   Chromium comes from `CHROMIUM_PATH`, else `/usr/bin/chromium`, else Playwright's own.
 * - `extensionId`: the loaded extension's id.
 * - `wallet`: drives the wallet's own UI and service worker: `onboard({ mnemonic, password })`,
 *   `createNewWallet({ password })`, `unlock(password)`, `lock()`, `openPopup()`,
 *   `stopServiceWorker()`. It points the wallet's dev-chain network at `stack.rpcUrl`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium } from '@playwright/test';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { StackInfo } from '../scripts/stack/StackInfo.ts';
import { chromiumLaunchOptions } from './chromiumLaunchOptions.ts';

export type { StackInfo };

export type OnboardParameters = { mnemonic: string; password: string };

export type WalletDriver = {
  /** The extension's background service worker (started if needed). */
  serviceWorker(): Promise<Worker>;
  /** Opens the toolbar popup's page in a tab. */
  openPopup(): Promise<Page>;
  /** Stops the service worker as the browser does when it idles; the next message restarts it. */
  stopServiceWorker(): Promise<void>;
  /** Imports a recovery phrase through the onboarding page and sets the password. */
  onboard(parameters: OnboardParameters): Promise<void>;
  /** Creates a new wallet through the UI (shows the phrase, confirms 3 words); returns the phrase. */
  createNewWallet(parameters: {
    password: string;
    wordCount?: 12 | 24;
  }): Promise<{ phrase: string; address: string }>;
  /** Unlocks through the popup; resolves when the accounts show. */
  unlock(password: string): Promise<Page>;
  /** Locks through the popup's "Lock now". */
  lock(): Promise<void>;
  /** The approval window (waits for it to open). */
  approvalWindow(): Promise<Page>;
  /** What the approval window shows for the current request. */
  readApproval(): Promise<{ origin: string; kind: string; summary: string }>;
  /** Clicks Approve on the current request. */
  approve(): Promise<void>;
  /** Clicks Reject on the current request. */
  reject(): Promise<void>;
};

export type TpPayTestFixtures = {
  /** The Chromium profile directory of `context` (deleted after the test). */
  profileDir: string;
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

  profileDir: async ({}, use) => {
    const profileDir = mkdtempSync(join(tmpdir(), 'tp-wallet-profile-'));
    await use(profileDir);
    rmSync(profileDir, { recursive: true, force: true });
  },

  context: async ({ stack, profileDir }, use) => {
    const context = await launchWalletContext(stack.extensionDir, profileDir);
    await use(context);
    await context.close();
  },

  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    await use(id);
  },

  wallet: async ({ context, extensionId, stack }, use) => {
    const extensionUrl = `chrome-extension://${extensionId}/`;
    const serviceWorker = async () =>
      context.serviceWorkers().find((worker) => worker.url().startsWith(extensionUrl)) ??
      (await context.waitForEvent('serviceworker'));
    // Point the wallet's dev-chain network at this stack's chain (its port may differ from 8545).
    await useStackChain(await serviceWorker(), stack);
    const openPopup = async () => {
      const page = await context.newPage();
      await page.goto(`${extensionUrl}extension/ui/popup/popup.html`);
      return page;
    };
    const setPassword = async (page: Page, password: string) => {
      await page.getByTestId('password').fill(password);
      await page.getByTestId('password-confirm').fill(password);
      await page.getByTestId('submit-password').click();
      await page.getByTestId('wallet-ready').waitFor({ timeout: 20_000 });
    };
    const approvalUrl = `${extensionUrl}extension/ui/approval/approval.html`;
    const approvalWindow = async () => {
      const isApproval = (page: Page) => page.url().startsWith(approvalUrl) && !page.isClosed();
      // The newest one: an emptied window may still be closing while the next opens.
      return (
        context.pages().filter(isApproval).at(-1) ??
        (await context.waitForEvent('page', { predicate: isApproval, timeout: 30_000 }))
      );
    };
    // The window closes itself when its last request is settled, often during the click.
    const clickInApprovalWindow = async (testId: string) => {
      const page = await approvalWindow();
      await page
        .getByTestId(testId)
        .click()
        .catch((error: unknown) => {
          if (!page.isClosed()) throw error;
        });
    };
    await use({
      serviceWorker,
      openPopup,
      onboard: async ({ mnemonic, password }) => {
        const page = await context.newPage();
        await page.goto(`${extensionUrl}extension/ui/onboarding/onboarding.html#import`);
        await page.getByTestId('import-phrase').fill(mnemonic);
        await page.getByTestId('import-continue').click();
        await setPassword(page, password);
        await page.close();
      },
      createNewWallet: async ({ password, wordCount = 12 }) => {
        const page = await context.newPage();
        await page.goto(`${extensionUrl}extension/ui/onboarding/onboarding.html#create`);
        await page.getByTestId(`word-count-${wordCount}`).check();
        await page.getByTestId('generate-phrase').click();
        const words: string[] = [];
        for (let position = 1; position <= wordCount; position++) {
          words.push(
            (await page.getByTestId(`phrase-word-${position}`).textContent())?.trim() ?? '',
          );
        }
        await page.getByTestId('phrase-written').click();
        const inputs = page.locator('[data-testid^="confirm-word-input-"]');
        await inputs.first().waitFor();
        for (const input of await inputs.all()) {
          const position = Number((await input.getAttribute('data-testid'))?.split('-').pop());
          await input.fill(words[position - 1] ?? '');
        }
        await page.getByTestId('confirm-words-submit').click();
        await setPassword(page, password);
        const address = (await page.getByTestId('ready-address').textContent())?.trim() ?? '';
        await page.close();
        return { phrase: words.join(' '), address };
      },
      unlock: async (password) => {
        const page = await openPopup();
        await page.getByTestId('unlock-password').fill(password);
        await page.getByTestId('unlock-submit').click();
        await page.getByTestId('account-address').first().waitFor({ timeout: 20_000 });
        return page;
      },
      approvalWindow,
      readApproval: async () => {
        const page = await approvalWindow();
        const kindElement = page.getByTestId('approval-kind');
        await kindElement.waitFor();
        return {
          origin: (await page.getByTestId('approval-origin').textContent())?.trim() ?? '',
          kind: (await kindElement.getAttribute('data-kind')) ?? '',
          summary: (await page.getByTestId('approval-summary').textContent())?.trim() ?? '',
        };
      },
      approve: () => clickInApprovalWindow('approval-approve'),
      reject: () => clickInApprovalWindow('approval-reject'),
      lock: async () => {
        const page = await openPopup();
        await page.getByTestId('lock-now').click();
        await page.getByTestId('unlock-password').waitFor();
        await page.close();
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

/** Makes the wallet in `worker`'s browser reach the dev chain at `stack.rpcUrl`. */
export async function useStackChain(worker: Worker, stack: StackInfo): Promise<void> {
  const override = {
    chainId: stack.chainId,
    name: 'TP Pay dev chain',
    rpcUrls: [stack.rpcUrl],
    nativeSymbol: 'ETH',
    tokens: [],
  };
  await worker.evaluate(
    (network) =>
      chrome.storage.local.set({ customNetworks: { [String(network.chainId)]: network } }),
    override,
  );
}

/** A Chromium context with the extension loaded, on the given profile directory. */
export function launchWalletContext(
  extensionDir: string,
  profileDir: string,
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(
    profileDir,
    chromiumLaunchOptions([
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ]),
  );
}

export { expect } from '@playwright/test';

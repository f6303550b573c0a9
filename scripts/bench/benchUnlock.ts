import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromiumLaunchOptions.ts';
import { defaultScryptParams } from '../../extension/background/vault/Vault.ts';
import { median } from './Benchmark.ts';
import type { Benchmark } from './Benchmark.ts';

const runs = 5;
const password = 'bench password 1';
const phrase = 'test test test test test test test test test test test junk';

/**
 * Unlock in real Chromium with the built extension: the password is entered in the popup and
 * the clock stops when the accounts list shows (median of 5, after one warm-up). Beside it, in the
 * same worker, PBKDF2-SHA256 at 900,000 iterations (MetaMask's library default) for comparison.
 */
export const benchUnlock: Benchmark = {
  name: 'wallet unlock',
  async run() {
    const extensionDir = resolve('dist/extension');
    const profileDir = mkdtempSync(join(tmpdir(), 'tp-bench-unlock-'));
    const context = await chromium.launchPersistentContext(
      profileDir,
      chromiumLaunchOptions([
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ]),
    );
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const popupUrl = `chrome-extension://${new URL(worker.url()).host}/extension/ui/popup/popup.html`;
      const page = await context.newPage();
      await page.goto(popupUrl);
      await sendUi(page, 'createWallet', { phrase, language: 'en', password });
      const unlockTimings: number[] = [];
      for (let run = 0; run <= runs; run++) {
        await sendUi(page, 'lock', {});
        await page.goto(popupUrl);
        await page.getByTestId('unlock-password').fill(password);
        const startedAt = performance.now();
        await page.getByTestId('unlock-submit').click();
        await page.getByTestId('account-address').first().waitFor();
        if (run > 0) unlockTimings.push(performance.now() - startedAt);
      }
      const pbkdf2Timings: number[] = [];
      for (let run = 0; run < 3; run++) pbkdf2Timings.push(await page.evaluate(timePbkdf2));
      return {
        unlock_ms: Math.round(median(unlockTimings)),
        kdf_memory_mib: (128 * defaultScryptParams.N * defaultScryptParams.r) / 2 ** 20,
        pbkdf2_900k_ms: Math.round(median(pbkdf2Timings)),
      };
    } finally {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  },
};

async function sendUi(page: Page, action: string, params: object): Promise<void> {
  const reply: unknown = await page.evaluate(
    ([kind, name, values]): Promise<unknown> =>
      chrome.runtime.sendMessage({ kind, action: name, params: values }),
    ['ui', action, params] as const,
  );
  if ((reply as { ok?: boolean }).ok !== true)
    throw new Error(`${action} failed: ${JSON.stringify(reply)}`);
}

/** Runs in the extension page: WebCrypto PBKDF2-SHA256, 900,000 iterations, 256-bit output. */
async function timePbkdf2(): Promise<number> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode('bench password 1'),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const startedAt = performance.now();
  await crypto.subtle.deriveBits(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: crypto.getRandomValues(new Uint8Array(32)),
      iterations: 900_000,
    },
    material,
    256,
  );
  return performance.now() - startedAt;
}

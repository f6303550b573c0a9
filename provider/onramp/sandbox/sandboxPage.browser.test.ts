import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumLaunchOptions } from '../../../e2e/chromiumLaunchOptions.ts';
import { deployTestTokens } from '../../../scripts/contracts/deployTestTokens.ts';
import { startDevChain } from '../../../scripts/devChain/startDevChain.ts';
import type { StartDevChainReturnType } from '../../../scripts/devChain/startDevChain.ts';
import type { Database } from '../../db/Database.ts';
import { openPgliteDatabase } from '../../db/openPgliteDatabase.ts';
import { startOnrampTestProvider } from '../startOnrampTestProvider.ts';
import type { StartOnrampTestProviderReturnType } from '../startOnrampTestProvider.ts';
import { createSandboxAdapter } from './createSandboxAdapter.ts';
import { createSandboxFunder } from './createSandboxFunder.ts';

// The sandbox page in real headless Chromium: filled in by its labels, its CSP enforced (any
// violation fails the test), its script's polling taking the page from "sending" to "complete",
// and axe-core finding no serious problem in any state.

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

describe('the sandbox page in Chromium', () => {
  let chain: StartDevChainReturnType;
  let db: Database;
  let provider: StartOnrampTestProviderReturnType;
  let browser: Browser;

  beforeAll(async () => {
    chain = await startDevChain({ port: 0 });
    const { accounts } = await deployTestTokens({ rpcUrl: chain.rpcUrl });
    const owner = accounts[0];
    if (owner === undefined) throw new Error('the dev chain has funded accounts');
    db = await openPgliteDatabase({ dataDir: undefined });
    provider = await startOnrampTestProvider({
      db,
      onramp: {
        adapters: [
          createSandboxAdapter({
            funder: createSandboxFunder({
              rpcUrl: chain.rpcUrl,
              chainId: 31337,
              privateKey: owner.privateKey,
            }),
          }),
        ],
        compliance: { regions: [{ name: 'everywhere', countries: '*', rules: [] }] },
      },
    });
    browser = await chromium.launch(chromiumLaunchOptions());
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await provider.close();
    await db.close();
    await chain.stop();
  });

  const newOrder = async () => {
    const call = async (path: string, body: unknown) => {
      const response = await fetch(`${provider.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${provider.merchant.publishableKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { id: string; hosted_url: string };
    };
    const quote = await call('/v1/onramp/quotes', {
      fiat_currency: 'EUR',
      crypto_amount: '12340000',
      chain_id: 31337,
      asset: 'USDC',
      wallet_address: privateKeyToAccount(generatePrivateKey()).address,
      country: 'FR',
    });
    return call('/v1/onramp/orders', { quote_id: quote.id });
  };

  const openPage = async (url: string) => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url);
    return { page, problems };
  };

  const expectAccessible = async (page: Page, state: string) => {
    const cdp = await page.context().newCDPSession(page);
    // Injected through DevTools, which the page's CSP does not govern: the page keeps its policy.
    await cdp.send('Runtime.evaluate', { expression: axeSource });
    await cdp.detach();
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; impact?: string | null }[] }> };
        }
      ).axe;
      const results = await axe.run();
      return results.violations.map(({ id, impact }) => ({ id, impact: impact ?? null }));
    });
    expect(
      violations.filter(({ impact }) => impact === 'serious' || impact === 'critical'),
      `axe in state ${state}`,
    ).toEqual([]);
  };

  const fillCard = async (page: Page, number: string) => {
    await page.getByLabel('Name on card').fill('Ada Lovelace');
    await page.getByLabel('Card number').fill(number);
    await page.getByLabel('Expiry date (MM/YY)').fill('12/30');
    await page.getByLabel('Security code (CVC)').fill('123');
    await page.getByRole('button', { name: /^Pay / }).click();
  };

  test('the success card: the page follows the order until the tokens are sent', async () => {
    const order = await newOrder();
    const { page, problems } = await openPage(order.hosted_url);
    await expectAccessible(page, 'card form');
    await page.screenshot({ path: 'test-results/onramp-sandbox-card.png', fullPage: true });
    await fillCard(page, '4242 4242 4242 4242');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe('Purchase complete');
    await expectAccessible(page, 'completed');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the challenge card: a wrong code moves focus to the error, the right one completes', async () => {
    const order = await newOrder();
    const { page, problems } = await openPage(order.hosted_url);
    await fillCard(page, '4000 0027 6000 3184');
    await page.getByRole('heading', { level: 1, name: 'Confirm your payment' }).waitFor();
    await expectAccessible(page, 'challenge');
    await page.getByLabel('Confirmation code').fill('000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.getByLabel('Confirmation code').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'challenge with an error');
    await page.screenshot({ path: 'test-results/onramp-sandbox-challenge.png', fullPage: true });
    await page.getByLabel('Confirmation code').fill('123456');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe('Purchase complete');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the declined card ends on an accessible failure page', async () => {
    const order = await newOrder();
    const { page, problems } = await openPage(order.hosted_url);
    await fillCard(page, '4000 0000 0000 0002');
    await page.getByRole('heading', { level: 1, name: 'Payment failed' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('The card was declined.');
    await expectAccessible(page, 'failed');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('mistakes in the form: listed first, focused, each tied to its field', async () => {
    const order = await newOrder();
    const { page } = await openPage(order.hosted_url);
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    // The number's hint and error are its description (aria-describedby), in that order.
    const describedBy = await page.getByLabel('Card number').getAttribute('aria-describedby');
    expect(describedBy).toBe('number-hint number-error');
    expect(await page.locator('#number-error').textContent()).toBe('Enter a valid card number.');
    expect(await page.locator('.error-summary li').count()).toBe(4);
    await expectAccessible(page, 'form errors');
    await page.close();
  });
});

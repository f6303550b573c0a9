import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './checkout/expectNoSeriousAxeViolations.ts';
import type { WalletDriver } from './fixtures.ts';
import { expect, test } from './policy/policyTest.ts';
import { password, testMnemonic, uiAction } from './policy/policyDriver.ts';

// Settings → "Currency and prices", through the popup (real extension and worker): the page
// says what a missing price source means; a bad provider address is refused and a good one
// stored as its origin; picking another currency with caps set asks for the rate (suggested
// from the dev chain's prices), converts every cap at it and nothing else; photographed at
// 360×600 in en and zh-CN (test-results/screenshots/policy-settings/).

const shots = 'test-results/screenshots/policy-settings';
const shopOrigin = 'https://shop.example';

type Overview = { currency: string; walletLimits: { limit: string }[] };
type Site = { site: { policy: { limits: { window: string; amount: string }[] } } };

test.beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

async function openSettings(wallet: WalletDriver, locale = 'en'): Promise<Page> {
  const popup = await wallet.openPopup();
  await popup.setViewportSize({ width: 360, height: 600 });
  if (locale !== 'en') await popup.goto(`${popup.url()}?locale=${locale}`);
  await popup.getByTestId('open-settings').click();
  await expect(popup.getByTestId('settings-currency')).toBeVisible();
  return popup;
}

/** The whole card: the popup is 600 px high, taller for the photo only, then back. */
async function photograph(popup: Page, card: Locator, path: string): Promise<void> {
  await popup.setViewportSize({ width: 360, height: 1400 });
  await card.screenshot({ path });
  await popup.setViewportSize({ width: 360, height: 600 });
}

test('the currency and the price source are set on the Settings page; caps are converted, never reinterpreted', async ({
  wallet,
  stack,
}) => {
  // Caps in euros: the new wallet's 200 € a day, and "Trusted shop" for one site (20 € a
  // payment, 50 € a day).
  await uiAction(wallet, 'setSitePreset', { origin: shopOrigin, preset: 'trusted-shop' });
  const before = await uiAction<Site>(wallet, 'getSite', { origin: shopOrigin });
  expect(before.site.policy.limits.map((limit) => limit.amount)).toEqual(['2000', '5000']);

  const popup = await openSettings(wallet);
  const card = popup.locator('tp-price-settings');
  await card.scrollIntoViewIfNeeded();
  await expect(popup.getByTestId('settings-currency')).toHaveValue('EUR');
  await expect(popup.getByTestId('settings-no-provider')).toContainText('never made automatically');

  // A provider that is not an http(s) origin is refused on the page and by the worker.
  await popup.getByTestId('settings-provider-url').fill('https://pay.example/v1/rates');
  await popup.getByTestId('settings-provider-save').click();
  await expect(popup.getByTestId('settings-provider-status')).toContainText('https://pay.example');
  await expect(
    uiAction(wallet, 'setPriceSettings', { providerUrl: 'ftp://pay.example' }),
  ).rejects.toThrow('wallet/invalid-params');
  await popup.getByTestId('settings-provider-url').fill(`${stack.providerUrl}/`);
  await popup.getByTestId('settings-provider-save').click();
  await expect(popup.getByTestId('settings-provider-status')).toBeVisible();
  await expect(popup.getByTestId('settings-no-provider')).toHaveCount(0);
  await expect(popup.getByTestId('settings-provider-remove')).toBeVisible();
  const worker = await wallet.serviceWorker();
  expect(
    await worker.evaluate(() =>
      chrome.storage.local.get('priceSettings').then((stored) => stored.priceSettings),
    ),
  ).toEqual({ providerUrl: stack.providerUrl });

  // Another currency: the page says how many amounts will be converted and suggests the rate.
  await popup.getByTestId('settings-currency').selectOption('USD');
  await expect(popup.getByTestId('settings-conversion')).toContainText('in EUR');
  // The dev chain's table: ETH at 2760 € and 3000 $.
  await expect(popup.getByTestId('settings-conversion-rate')).toHaveValue('1.086956');
  await expect(popup.getByTestId('settings-conversion')).toContainText('ETH');
  await expectNoSeriousAxeViolations(popup, 'settings-currency-conversion', 'tp-popup');
  await photograph(popup, card, `${shots}/settings-prices-conversion-en.png`);

  // A rate of nothing is refused before it leaves the page; the worker refuses no rate at all.
  await popup.getByTestId('settings-conversion-rate').fill('0');
  await popup.getByTestId('settings-currency-switch').click();
  await expect(popup.getByTestId('settings-currency-status')).toContainText('above 0');
  await expect(uiAction(wallet, 'setPriceSettings', { currency: 'USD' })).rejects.toThrow(
    'policy/currency-conversion-required',
  );
  expect((await uiAction<Overview>(wallet, 'listSites')).currency).toBe('EUR');

  await popup.getByTestId('settings-conversion-rate').fill('1.1');
  await popup.getByTestId('settings-currency-switch').click();
  await expect(popup.getByTestId('settings-currency-status')).toContainText('Now in USD');
  await expect(popup.getByTestId('settings-conversion')).toHaveCount(0);

  // Every cap converted at 1.1 (200 € → 220 $, 20 € → 22 $, 50 € → 55 $), stored in USD.
  const overview = await uiAction<Overview>(wallet, 'listSites');
  expect(overview.currency).toBe('USD');
  expect(overview.walletLimits.map((limit) => limit.limit)).toEqual(['22000']);
  const after = await uiAction<Site>(wallet, 'getSite', { origin: shopOrigin });
  expect(after.site.policy.limits.map((limit) => limit.amount)).toEqual(['2200', '5500']);
  expect(
    await worker.evaluate(() =>
      chrome.storage.local
        .get('spendingPolicy')
        .then((stored) => (stored.spendingPolicy as { currency: string }).currency),
    ),
  ).toBe('USD');
  await photograph(popup, card, `${shots}/settings-prices-saved-en.png`);

  // Removing the provider brings the warning back.
  await popup.getByTestId('settings-provider-remove').click();
  await expect(popup.getByTestId('settings-no-provider')).toBeVisible();
});

test('the Settings page in Chinese shows the same card, translated', async ({ wallet }) => {
  const popup = await openSettings(wallet, 'zh-CN');
  const card = popup.locator('tp-price-settings');
  await card.scrollIntoViewIfNeeded();
  await expect(card).toContainText('货币与价格');
  await expect(popup.getByTestId('settings-no-provider')).toContainText('没有价格来源');
  await popup.getByTestId('settings-currency').selectOption('JPY');
  // No price of anything in yen: the user gives the rate.
  await expect(popup.getByTestId('settings-conversion')).toContainText('请自行输入汇率');
  await expect(popup.getByTestId('settings-conversion-rate')).toHaveValue('');
  await expect(popup.getByTestId('settings-currency-switch')).toBeDisabled();
  await expectNoSeriousAxeViolations(popup, 'settings-prices-zh', 'tp-popup');
  await photograph(popup, card, `${shots}/settings-prices-conversion-zh-CN.png`);
});

import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { numberToHex, parseUnits } from 'viem';
import type { Hex } from 'viem';
import { expectNoSeriousAxeViolations } from './checkout/expectNoSeriousAxeViolations.ts';
import type { WalletDriver } from './fixtures.ts';
import { expect, test } from './policy/policyTest.ts';
import {
  connect,
  expectMined,
  merchant,
  openShopPage,
  password,
  policyApprovalWindow,
  startRequest,
  testMnemonic,
  transferCall,
  uiAction,
} from './policy/policyDriver.ts';

// The wallet popup's "Sites" and "Activity" pages and the kill switch, driven through the popup
// itself (real extension, real service worker, dev chain): a preset picked and sized, an
// ERC-7715 allowance listed and revoked, the kill switch flipped (and the very next payment
// asks), the wallet-wide cap edited, the activity with decisions and statuses, disconnect.
// Every page is checked with axe and photographed at 360×600 in en / zh-CN, light / dark
// (test-results/screenshots/policy-ui/).

const shots = 'test-results/screenshots/policy-ui';
const day = 86_400;

type SiteJson = {
  preset: string;
  policy: { limits: { window: string; amount: string }[] };
  grants: { id: string }[];
  isConnected: boolean;
};

test.beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

/** The popup page at its real size, unlocked (onboarding leaves the wallet unlocked). */
async function openPopup(
  wallet: WalletDriver,
  {
    locale = 'en',
    colorScheme = 'light',
  }: { locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<Page> {
  const popup = await wallet.openPopup();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.emulateMedia({ colorScheme });
  if (locale !== 'en') await popup.goto(`${popup.url()}?locale=${locale}`);
  await popup.getByTestId('open-sites').waitFor();
  return popup;
}

async function openSite(popup: Page, origin: string): Promise<void> {
  await popup.getByTestId('open-sites').click();
  await popup.locator(`[data-testid="site-row"][data-origin="${origin}"]`).click();
  await expect(popup.getByTestId('site-origin')).toHaveText(origin);
}

test('Sites: pick and size a preset, see and revoke an allowance, flip the kill switch, edit the wallet cap; Activity shows each payment with its decision', async ({
  context,
  stack,
  wallet,
}) => {
  test.setTimeout(240_000);
  const page = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(page, wallet);
  const { currency } = await uiAction<{ currency: string }>(wallet, 'listSites');
  const money = (amount: number) =>
    new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);

  // The site is listed by its full origin (scheme, host, port), connected, asking every time.
  const popup = await openPopup(wallet);
  await popup.getByTestId('open-sites').click();
  const row = popup.locator(`[data-testid="site-row"][data-origin="${origin}"]`);
  await expect(row).toContainText(origin);
  await expect(row).toContainText('Ask every time');
  await expect(row).toContainText('Connected');
  await expect(popup.getByTestId('kill-switch')).toHaveAttribute('aria-checked', 'false');

  // From the keyboard: back, the kill switch, "Edit caps", then the site, which Enter opens.
  for (const testId of ['sites-back', 'kill-switch', 'wallet-caps-edit', 'site-row']) {
    await popup.keyboard.press('Tab');
    await expect(popup.getByTestId(testId)).toBeFocused();
  }
  await popup.mouse.move(359, 599);
  await popup.screenshot({ path: `${shots}/sites-keyboard-focus-en-light.png` });
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('site-origin')).toHaveText(origin);
  await popup.keyboard.press('Tab');
  await expect(popup.getByTestId('site-back')).toBeFocused();
  await popup.keyboard.press('Enter');

  // "Trusted shop", sized 20 per payment and 50 per day, through the form.
  await row.click();
  await expect(popup.getByTestId('site-origin')).toHaveText(origin);
  await expect(popup.getByTestId('preset-ask')).toBeChecked();
  await expect(popup.getByTestId('preset-save')).toBeDisabled();
  await popup.getByTestId('preset-trusted-shop').check();
  await popup.getByTestId('preset-per-payment').fill('20,5.0');
  await popup.getByTestId('preset-save').click();
  await expect(popup.getByText('Enter an amount like 20 or 20.50.')).toBeVisible();
  await expect(popup.getByTestId('preset-per-payment')).toBeFocused();
  await popup.getByTestId('preset-per-payment').fill('20');
  await popup.getByTestId('preset-per-day').fill('50');
  await popup.getByTestId('preset-save').click();
  await expect(popup.getByTestId('preset-status')).toHaveText('Saved.');
  const trusted = (await uiAction<{ site: SiteJson }>(wallet, 'getSite', { origin })).site;
  expect(trusted.preset).toBe('trusted-shop');
  expect(trusted.policy.limits.map((limit) => `${limit.window}:${limit.amount}`)).toEqual([
    'transaction:2000',
    'day:5000',
  ]);
  const dayBar = popup.locator('[data-testid="site-limit"] [role="progressbar"]');
  await expect(dayBar).toHaveAttribute('aria-valuetext', `${money(0)} of ${money(50)} used`);
  await expect(dayBar).toHaveAttribute('aria-valuenow', '0');

  // A first payment to a new recipient asks; the next one within the caps is automatic.
  const eurc = stack.tokens.EURC.address;
  const pay = (amount: string) =>
    startRequest(page, 'eth_sendTransaction', [
      transferCall(eurc, merchant, parseUnits(amount, 6)),
    ]);
  const first = await pay('5');
  await wallet.approve();
  expect(await expectMined(stack, (await first.outcome()).result as Hex)).toBe('success');
  await expect
    .poll(async () => {
      const { entries } = await uiAction<{ entries: { status: string }[] }>(
        wallet,
        'listActivity',
        { origin },
      );
      return entries[0]?.status;
    })
    .toBe('confirmed');
  const automatic = await (await pay('20')).outcome();
  expect(automatic.error).toBeUndefined();
  expect(await expectMined(stack, automatic.result as Hex)).toBe('success');

  // The site asks for a monthly allowance; once granted, its page lists it.
  const now = Math.floor(Date.now() / 1000);
  const permission = await startRequest(page, 'wallet_requestExecutionPermissions', [
    {
      chainId: numberToHex(stack.chainId),
      to: merchant,
      permission: {
        type: 'erc20-token-periodic',
        isAdjustmentAllowed: true,
        data: {
          tokenAddress: eurc,
          periodAmount: numberToHex(parseUnits('10', 6)),
          periodDuration: 30 * day,
          startTime: now,
          justification: 'Coffee club, monthly plan',
        },
      },
      rules: [{ type: 'expiry', data: { timestamp: now + 60 * day } }],
    },
  ]);
  await wallet.approve();
  expect((await permission.outcome()).error).toBeUndefined();
  await popup.getByTestId('site-back').click();
  await popup.locator(`[data-testid="site-row"][data-origin="${origin}"]`).click();
  const grant = popup.getByTestId('grant');
  await expect(grant).toHaveCount(1);
  await expect(grant).toContainText('10\u00a0EURC per 30 days');
  await expect(grant).toContainText('Active');
  await expect(grant).toContainText('The site says: “Coffee club, monthly plan”');
  await expect(grant.getByRole('progressbar')).toHaveAttribute(
    'aria-valuetext',
    '0\u00a0EURC of 10\u00a0EURC used',
  );
  // The day's spending shows on the bar: 25 of 50.
  await expect(dayBar).toHaveAttribute('aria-valuetext', `${money(25)} of ${money(50)} used`);
  await expect(dayBar).toHaveAttribute('aria-valuenow', '50');

  // The kill switch, flipped from the keyboard: the very next payment asks, and says why.
  await popup.getByTestId('site-back').click();
  const killSwitch = popup.getByTestId('kill-switch');
  await killSwitch.focus();
  await popup.keyboard.press('Space');
  await expect(killSwitch).toHaveAttribute('aria-checked', 'true');
  await expect(popup.getByTestId('kill-switch-state')).toContainText('Frozen');
  expect((await uiAction<{ isFrozen: boolean }>(wallet, 'listSites')).isFrozen).toBe(true);
  const frozen = await pay('1');
  // The grant's window may still be closing: the payment's is the one that shows a decision.
  await policyApprovalWindow(wallet);
  await wallet.reject();
  expect((await frozen.outcome()).error?.code).toBe(4001);
  await killSwitch.click();
  await expect(killSwitch).toHaveAttribute('aria-checked', 'false');
  const thawed = await (await pay('1')).outcome();
  expect(thawed.error).toBeUndefined();
  expect(await expectMined(stack, thawed.result as Hex)).toBe('success');

  // The wallet-wide cap, edited: 200 per day becomes 300.
  await popup.getByTestId('wallet-caps-edit').click();
  await popup.getByTestId('wallet-cap-amount-1').fill('300');
  await popup.getByTestId('wallet-caps-save').click();
  await expect(popup.getByTestId('wallet-caps-status')).toHaveText('Caps saved.');
  const { walletLimits } = await uiAction<{ walletLimits: { window: string; limit: string }[] }>(
    wallet,
    'listSites',
  );
  expect(walletLimits.map((limit) => `${limit.window}:${limit.limit}`)).toEqual(['day:30000']);
  await expect(popup.getByTestId('wallet-cap').getByRole('progressbar')).toHaveAttribute(
    'aria-valuetext',
    `${money(26)} of ${money(300)} used`,
  );

  // Every page (a site with an allowance, caps in use, activity), checked with axe and
  // photographed in both languages and both themes.
  for (const locale of ['en', 'zh-CN'])
    for (const colorScheme of ['light', 'dark'] as const)
      await photographPages(wallet, origin, locale, colorScheme);

  // Revoke the allowance, after a confirmation; the worker drops it.
  await popup.locator(`[data-testid="site-row"][data-origin="${origin}"]`).click();
  await popup.getByTestId('grant-revoke').click();
  await expect(popup.getByTestId('grant-revoke-cancel')).toBeFocused();
  await popup.getByTestId('grant-revoke-confirm').click();
  await expect(popup.getByTestId('grants-status')).toHaveText('Allowance revoked.');
  await expect(popup.getByTestId('grants-empty')).toBeVisible();
  expect((await uiAction<{ site: SiteJson }>(wallet, 'getSite', { origin })).site.grants).toEqual(
    [],
  );

  // Activity, narrowed to the site from its page: newest first, each with its decision.
  await popup.getByTestId('site-activity').click();
  await expect(popup.getByTestId('activity-filter')).toHaveValue(origin);
  const entries = popup.getByTestId('activity-entry');
  await expect(entries.first()).toHaveAttribute('data-status', 'confirmed', { timeout: 20_000 });
  const summary = await entries.evaluateAll((items) =>
    items.map(
      (item) =>
        `${item.getAttribute('data-kind')}:${item.getAttribute('data-action')}:${item.getAttribute('data-status')}`,
    ),
  );
  expect(summary).toEqual([
    'transaction:auto:confirmed',
    'transaction:confirm:rejected',
    'permission:confirm:granted',
    'transaction:auto:confirmed',
    'transaction:confirm:confirmed',
  ]);
  await expect(entries.nth(0).getByTestId('activity-what')).toHaveText('Payment');
  await expect(entries.nth(0).getByTestId('activity-amount')).toContainText('1\u00a0EURC');
  await expect(entries.nth(0).getByTestId('activity-decision')).toHaveText('Automatic');
  await expect(entries.nth(1).getByTestId('activity-reason')).toContainText([
    'Automatic payments are frozen',
  ]);
  await expect(entries.nth(1).getByTestId('activity-status')).toHaveText('Rejected');
  await expect(entries.nth(2).getByTestId('activity-what')).toHaveText('Allowance request');
  await expect(entries.nth(3).getByTestId('activity-reason')).toContainText([
    "Within this site's cap: " + `${money(50)} per day`,
  ]);
  // The dev chain has no explorer: the hash is shown instead of a link.
  await expect(entries.nth(0).getByTestId('activity-hash')).toContainText('Transaction 0x');
  await expect(entries.nth(0).getByTestId('activity-explorer')).toHaveCount(0);

  // Disconnect from the site's page: the site no longer sees the account.
  await entries
    .nth(0)
    .getByRole('button', { name: `Open settings for ${origin}` })
    .click();
  await popup.getByTestId('disconnect').click();
  await popup.getByTestId('disconnect-confirm').click();
  await expect(popup.locator(`[data-testid="site-row"][data-origin="${origin}"]`)).toContainText(
    'Not connected',
  );
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_accounts' }))).toEqual(
    [],
  );
  const kept = (await uiAction<{ site: SiteJson }>(wallet, 'getSite', { origin })).site;
  expect(kept.isConnected).toBe(false);
  expect(kept.preset).toBe('trusted-shop');
  await popup.close();
});

test('a new wallet: the Sites and Activity pages say there is nothing yet', async ({ wallet }) => {
  const popup = await openPopup(wallet);
  await popup.getByTestId('open-sites').click();
  await expect(popup.getByTestId('sites-empty')).toBeVisible();
  await expect(popup.getByTestId('kill-switch')).toHaveAttribute('aria-checked', 'false');
  await expectNoSeriousAxeViolations(popup, 'sites-empty', 'tp-popup');
  await popup.screenshot({ path: `${shots}/sites-empty-en-light.png` });
  await popup.getByTestId('sites-back').click();
  await popup.getByTestId('open-activity').click();
  await expect(popup.getByTestId('activity-empty')).toBeVisible();
  await expectNoSeriousAxeViolations(popup, 'activity-empty', 'tp-popup');
  await popup.screenshot({ path: `${shots}/activity-empty-en-light.png` });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.goto(`${popup.url()}?locale=zh-CN`);
  await popup.getByTestId('open-sites').click();
  await expect(popup.getByTestId('sites-empty')).toBeVisible();
  await popup.screenshot({ path: `${shots}/sites-empty-zh-CN-dark.png` });
});

/** Home, Sites, a site (top and allowances), Activity: axe, then a 360×600 screenshot each. */
async function photographPages(
  wallet: WalletDriver,
  origin: string,
  locale: string,
  colorScheme: 'light' | 'dark',
): Promise<void> {
  const popup = await openPopup(wallet, { locale, colorScheme });
  const shoot = async (name: string) => {
    // The pointer rests outside the page, so no hover state shows in the pictures.
    await popup.mouse.move(359, 599);
    await expectNoSeriousAxeViolations(popup, `${name} ${locale} ${colorScheme}`, 'tp-popup');
    await popup.screenshot({ path: `${shots}/${name}-${locale}-${colorScheme}.png` });
  };
  await shoot('home');
  await openSite(popup, origin);
  await shoot('site');
  await popup.getByTestId('site-limit').last().scrollIntoViewIfNeeded();
  await shoot('site-caps');
  await popup.getByTestId('grant').scrollIntoViewIfNeeded();
  await shoot('site-grant');
  await popup.getByTestId('disconnect').scrollIntoViewIfNeeded();
  await shoot('site-end');
  await popup.getByTestId('site-back').click();
  await popup.getByTestId('kill-switch').waitFor();
  await shoot('sites');
  await popup.getByTestId('sites-back').click();
  await popup.getByTestId('open-activity').click();
  await popup.getByTestId('activity-entry').first().waitFor();
  await shoot('activity');
  await popup.close();
}

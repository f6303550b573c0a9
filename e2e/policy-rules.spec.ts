import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createWalletClient, getAddress, http, parseUnits } from 'viem';
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { compileTestToken } from '../scripts/contracts/compileTestToken.ts';
import { expectNoSeriousAxeViolations } from './checkout/expectNoSeriousAxeViolations.ts';
import type { StackInfo, WalletDriver } from './policy/policyTest.ts';
import { expect, test } from './policy/policyTest.ts';
import {
  account0,
  chainClient,
  connect,
  expectMined,
  merchant,
  openShopPage,
  password,
  policyApprovalWindow,
  readPolicyReasons,
  startRequest,
  testMnemonic,
  tokenBalance,
  transferCall,
  uiAction,
} from './policy/policyDriver.ts';

// A site's own caps and rules, set through its page in the wallet popup (real extension, real
// service worker, dev chain), and what the very next payment does under them: a weekly cap in
// EURC asks once passed; a site limited to USDC has its EURC payment refused, then asked about;
// a recipient outside the allow-list is refused; "always ask for a new recipient" on and off.
// The caps editor and the rules are checked with axe and photographed at 360×600 in en light
// and zh-CN dark (test-results/screenshots/policy-rules/). A token a site asked the wallet to
// watch (EIP-747), calling itself "USDC" like the wallet's own, is offered beside it, told apart
// by its address, and can be the site's only token and a cap's unit. (A network a site adds with
// wallet_addEthereumChain is not tried here: the wallet checks the RPC answers the claimed chain,
// and the stack runs one chain; the unit tests cover such networks.)

const shots = 'test-results/screenshots/policy-rules';
/** Hardhat's account 2: an address the site never paid. */
const stranger: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

type SiteJson = {
  preset: string;
  policy: {
    limits: {
      window: string;
      unit: Record<string, unknown>;
      amount: string;
      whenExceeded: string;
    }[];
    allowedAssets?: { chainId: number; asset: string }[];
    allowedRecipients?: string[];
    whenNotAllowed: string;
    confirmNewRecipients: boolean;
  };
};

test.beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

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

async function shoot(popup: Page, name: string): Promise<void> {
  // The pointer rests outside the page, so no hover state shows in the pictures.
  await popup.mouse.move(359, 599);
  await expectNoSeriousAxeViolations(popup, name, 'tp-popup');
  await popup.screenshot({ path: `${shots}/${name}.png` });
}

/** Waits until the site's newest activity entry has its final status. */
async function settled(wallet: WalletDriver, origin: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const { entries } = await uiAction<{ entries: { status: string }[] }>(
          wallet,
          'listActivity',
          { origin },
        );
        return entries[0]?.status;
      },
      { timeout: 20_000 },
    )
    .toBe('confirmed');
}

function payer(page: Page, stack: StackInfo) {
  return (symbol: 'EURC' | 'USDC', to: Address, amount: string) =>
    startRequest(page, 'eth_sendTransaction', [
      transferCall(stack.tokens[symbol].address, to, parseUnits(amount, 6)),
    ]);
}

test('a site’s caps in a token, its tokens, its recipients and the new-recipient rule, set on its page, decide the next payments', async ({
  context,
  stack,
  wallet,
}) => {
  test.setTimeout(300_000);
  const page = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(page, wallet);
  const pay = payer(page, stack);
  const getSite = async () =>
    (await uiAction<{ site: SiteJson }>(wallet, 'getSite', { origin })).site;
  const eurcKey = `${stack.chainId}:${stack.tokens.EURC.address.toLowerCase()}`;
  const usdcKey = `${stack.chainId}:${stack.tokens.USDC.address.toLowerCase()}`;

  const popup = await openPopup(wallet);
  await openSite(popup, origin);
  await popup.getByTestId('preset-trusted-shop').check();
  await popup.getByTestId('preset-save').click();
  await expect(popup.getByTestId('preset-status')).toHaveText('Saved.');

  // "Always ask for a new recipient" comes with Trusted shop; turned off, the first payment to
  // the merchant is automatic.
  const newRecipients = popup.getByTestId('rules-new-recipients');
  await expect(newRecipients).toBeChecked();
  await newRecipients.uncheck();
  await expect(popup.getByText("Saving sets this site's preset to “Custom”.")).toBeVisible();
  await popup.getByTestId('rules-save').click();
  await expect(popup.getByTestId('rules-status')).toHaveText(
    "Rules saved. This site's preset is now “Custom”.",
  );
  let site = await getSite();
  expect(site.preset).toBe('custom');
  expect(site.policy.confirmNewRecipients).toBe(false);
  const first = await (await pay('EURC', merchant, '1')).outcome();
  expect(first.error).toBeUndefined();
  expect(await expectMined(stack, first.result as Hex)).toBe('success');
  await settled(wallet, origin);

  // Turned on again: a recipient the site never paid asks (and says why); the merchant does not.
  await newRecipients.check();
  await popup.getByTestId('rules-save').click();
  await expect(popup.getByTestId('rules-status')).toBeVisible();
  expect((await getSite()).policy.confirmNewRecipients).toBe(true);
  const toStranger = await pay('EURC', stranger, '1');
  const asked = await policyApprovalWindow(wallet);
  expect((await readPolicyReasons(asked)).join('\n')).toContain('has never paid');
  await wallet.reject();
  expect((await toStranger.outcome()).error?.code).toBe(4001);
  const again = await (await pay('EURC', merchant, '1')).outcome();
  expect(again.error).toBeUndefined();
  await expectMined(stack, again.result as Hex);
  await settled(wallet, origin);

  // A weekly cap of 5 EURC, added beside the fiat caps from the keyboard and the form; a bad
  // amount is named, focused, and nothing is saved.
  await popup.getByTestId('site-caps-edit').click();
  await expect(popup.getByTestId('site-cap-window-1')).toBeFocused();
  await expect(
    popup.getByText("Saving these caps sets this site's preset to “Custom”"),
  ).toBeVisible();
  await popup.getByTestId('site-caps-add').click();
  await expect(popup.getByTestId('site-cap-window-3')).toBeFocused();
  await popup.getByTestId('site-cap-window-3').selectOption('week');
  await popup.getByTestId('site-cap-unit-3').selectOption(`token:${eurcKey}`);
  await popup.getByTestId('site-cap-amount-3').fill('5.1234567');
  await popup.getByTestId('site-cap-when-3').selectOption('confirm');
  await popup.getByTestId('site-caps-save').click();
  await expect(popup.getByTestId('site-cap-problem-3')).toHaveText(
    'EURC has at most 6 decimal places.',
  );
  await expect(popup.getByTestId('site-cap-amount-3')).toBeFocused();
  expect((await getSite()).policy.limits).toHaveLength(2);
  await popup.getByTestId('site-cap-amount-3').fill('5');
  await popup.getByTestId('site-cap-amount-3').scrollIntoViewIfNeeded();
  await shoot(popup, 'site-caps-editor-en-light');
  await popup.getByTestId('site-caps-save').click();
  await expect(popup.getByTestId('site-caps-status')).toHaveText(
    "Caps saved. This site's preset is now “Custom”.",
  );
  site = await getSite();
  expect(site.policy.limits.at(-1)).toEqual({
    window: 'week',
    unit: {
      kind: 'token',
      chainId: stack.chainId,
      asset: stack.tokens.EURC.address,
      symbol: 'EURC',
      decimals: 6,
    },
    amount: '5000000',
    whenExceeded: 'confirm',
  });
  await expect(popup.getByTestId('site-limit')).toHaveCount(3);
  await popup.getByTestId('site-limit').last().scrollIntoViewIfNeeded();
  await shoot(popup, 'site-caps-en-light');

  // 2 EURC paid this week: 2 more fit (automatic), the next 2 would pass 5 and ask.
  const fits = await (await pay('EURC', merchant, '2')).outcome();
  expect(fits.error).toBeUndefined();
  await expectMined(stack, fits.result as Hex);
  await settled(wallet, origin);
  const over = await pay('EURC', merchant, '2');
  const overWindow = await policyApprovalWindow(wallet);
  expect((await readPolicyReasons(overWindow)).join('\n')).toMatch(/would pass your 5\s?EURC/u);
  await wallet.reject();
  expect((await over.outcome()).error?.code).toBe(4001);

  // Only USDC: an EURC payment is refused, then, with "Ask me", asked about.
  await popup.getByTestId('rules-token-only').check();
  await popup.getByTestId('rules-save').click();
  await expect(popup.getByTestId('rules-problem-tokens')).toHaveText(
    'Choose at least one token on the chosen networks, or allow any token.',
  );
  expect((await getSite()).policy.allowedAssets).toBeUndefined();
  await expect(popup.getByTestId('rules-network-any')).toBeChecked();
  await popup.getByTestId('rules-token-only').scrollIntoViewIfNeeded();
  await shoot(popup, 'site-rules-tokens-problem-en-light');
  await popup.getByTestId(`rules-token-${usdcKey.replace(':', '-')}`).check();
  await popup.getByTestId('rules-when-not-allowed').selectOption('block');
  await popup.getByTestId('rules-save').click();
  await expect(popup.getByTestId('rules-status')).toContainText('Rules saved.');
  site = await getSite();
  expect(site.policy.allowedAssets).toEqual([
    { chainId: stack.chainId, asset: stack.tokens.USDC.address },
  ]);
  expect(site.policy.whenNotAllowed).toBe('block');
  const refused = await (await pay('EURC', merchant, '1')).outcome();
  expect(refused.error?.code).toBe(4100);
  expect(refused.error?.message).toContain('not allowed');
  const inUsdc = await (await pay('USDC', merchant, '1')).outcome();
  expect(inUsdc.error).toBeUndefined();
  await expectMined(stack, inUsdc.result as Hex);
  await settled(wallet, origin);
  await popup.getByTestId('rules-when-not-allowed').selectOption('confirm');
  await popup.getByTestId('rules-save').click();
  await expect(popup.getByTestId('rules-status')).toContainText('Rules saved.');
  const askedEurc = await pay('EURC', merchant, '1');
  const eurcWindow = await policyApprovalWindow(wallet);
  expect((await readPolicyReasons(eurcWindow)).join('\n')).toContain('is not allowed for');
  await wallet.reject();
  expect((await askedEurc.outcome()).error?.code).toBe(4001);

  // A recipient allow-list: a bad line is named and focused, nothing saved; an address typed in
  // lower case is shown in EIP-55; a payment to anyone else is refused.
  await popup.getByTestId('rules-recipient-only').check();
  const recipients = popup.getByTestId('rules-recipients');
  await recipients.fill(`${merchant}\nshop.example`);
  await popup.getByTestId('rules-when-not-allowed').selectOption('block');
  await popup.getByTestId('rules-save').click();
  await expect(popup.getByTestId('rules-problem-recipients')).toHaveText(
    'Line 2: “shop.example” is not an address (0x and 40 hexadecimal digits).',
  );
  await expect(recipients).toBeFocused();
  expect((await getSite()).policy.allowedRecipients).toBeUndefined();
  await recipients.scrollIntoViewIfNeeded();
  await shoot(popup, 'site-rules-problem-en-light');
  await recipients.fill(merchant.toLowerCase());
  await recipients.blur();
  await expect(recipients).toHaveValue(merchant);
  await popup.getByTestId('rules-save').click();
  await expect(popup.getByTestId('rules-status')).toContainText('Rules saved.');
  expect((await getSite()).policy.allowedRecipients).toEqual([merchant]);
  const outside = await (await pay('USDC', stranger, '1')).outcome();
  expect(outside.error?.code).toBe(4100);
  expect(outside.error?.message).toContain('recipient');
  await popup.getByTestId('rules-new-recipients').scrollIntoViewIfNeeded();
  await shoot(popup, 'site-rules-en-light');
  await popup.close();

  // The same pages in Chinese, dark.
  const chinese = await openPopup(wallet, { locale: 'zh-CN', colorScheme: 'dark' });
  await openSite(chinese, origin);
  await chinese.getByTestId('site-caps-edit').click();
  await chinese.getByTestId('site-cap-amount-3').scrollIntoViewIfNeeded();
  await shoot(chinese, 'site-caps-editor-zh-CN-dark');
  await chinese.getByTestId('site-caps-cancel').click();
  await chinese.getByTestId('rules-token-only').scrollIntoViewIfNeeded();
  await shoot(chinese, 'site-rules-zh-CN-dark');
  await chinese.getByTestId('rules-new-recipients').scrollIntoViewIfNeeded();
  await shoot(chinese, 'site-rules-end-zh-CN-dark');
  await chinese.close();
});

test('a token a site asked the wallet to watch can be the only one the site may take, and a cap can count in it', async ({
  context,
  stack,
  wallet,
}) => {
  test.setTimeout(240_000);
  // A second real ERC-20 on the dev chain that calls itself "USDC", deployed by another account
  // (the wallet's account 0 keeps its own nonces) and minted to account 0.
  const { abi, bytecode } = compileTestToken();
  const deployerKey = stack.accounts[9]?.privateKey;
  if (deployerKey === undefined) throw new Error('the stack funds 10 accounts');
  const transport = http(stack.rpcUrl);
  const deployer = createWalletClient({
    chain: hardhat,
    transport,
    account: privateKeyToAccount(deployerKey),
  });
  const deployHash = await deployer.deployContract({
    abi,
    bytecode,
    args: ['Site Dollar', 'USDC', 6],
  });
  const deployed = await chainClient(stack).waitForTransactionReceipt({ hash: deployHash });
  if (deployed.contractAddress == null) throw new Error('the token was not deployed');
  const siteUsdc = getAddress(deployed.contractAddress);
  const mintHash = await deployer.writeContract({
    address: siteUsdc,
    abi,
    functionName: 'mint',
    args: [account0, parseUnits('100', 6)],
  });
  await expectMined(stack, mintHash);

  const page = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(page, wallet);
  const watch = await startRequest(page, 'wallet_watchAsset', {
    type: 'ERC20',
    options: { address: siteUsdc, symbol: 'USDC', decimals: 6 },
  });
  expect((await wallet.readApproval()).kind).toBe('watch-asset');
  await wallet.approve();
  expect((await watch.outcome()).result).toBe(true);
  const { networks } = await uiAction<{
    networks: { chainId: number; tokens: { address: string; isAddedBySite?: boolean }[] }[];
  }>(wallet, 'getSite', { origin });
  expect(
    networks
      .find((network) => network.chainId === stack.chainId)
      ?.tokens.filter((token) => token.isAddedBySite === true)
      .map((token) => token.address),
  ).toEqual([siteUsdc]);

  // The rules list both USDC, the site's one with its address and "added by a site".
  const popup = await openPopup(wallet);
  await openSite(popup, origin);
  const siteKey = `${stack.chainId}-${siteUsdc.toLowerCase()}`;
  const ownKey = `${stack.chainId}-${stack.tokens.USDC.address.toLowerCase()}`;
  await popup.getByTestId('rules-token-only').check();
  const siteChoice = popup.locator('label', { has: popup.getByTestId(`rules-token-${siteKey}`) });
  await expect(siteChoice).toHaveText(
    `USDC (${siteUsdc.slice(0, 6)}…${siteUsdc.slice(-4)}, added by a site)`,
  );
  await expect(siteChoice).toHaveAttribute('title', siteUsdc);
  await expect(
    popup.locator('label', { has: popup.getByTestId(`rules-token-${ownKey}`) }),
  ).toHaveText('USDC');
  await popup.getByTestId(`rules-token-${siteKey}`).check();
  await popup.getByTestId('rules-when-not-allowed').selectOption('block');
  await siteChoice.scrollIntoViewIfNeeded();
  await shoot(popup, 'site-rules-watched-token-en-light');
  await popup.getByTestId('rules-save').click();
  await expect(popup.getByTestId('rules-status')).toContainText('Rules saved.');
  const site = (await uiAction<{ site: SiteJson }>(wallet, 'getSite', { origin })).site;
  expect(site.policy.allowedAssets).toEqual([{ chainId: stack.chainId, asset: siteUsdc }]);

  // A cap of 5 a day in the site's USDC, refusing what passes it.
  await popup.getByTestId('site-caps-edit').click();
  await popup.getByTestId('site-caps-add').click();
  const row = await popup.locator('[data-testid^="site-cap-unit-"]').count();
  await popup.getByTestId(`site-cap-window-${row}`).selectOption('day');
  await popup
    .getByTestId(`site-cap-unit-${row}`)
    .selectOption(`token:${stack.chainId}:${siteUsdc.toLowerCase()}`);
  await expect(popup.getByTestId(`site-cap-network-${row}`)).toContainText('added by a site');
  await popup.getByTestId(`site-cap-amount-${row}`).fill('5');
  await popup.getByTestId(`site-cap-when-${row}`).selectOption('block');
  await popup.getByTestId(`site-cap-amount-${row}`).scrollIntoViewIfNeeded();
  await shoot(popup, 'site-caps-watched-token-en-light');
  await popup.getByTestId('site-caps-save').click();
  await expect(popup.getByTestId('site-caps-status')).toBeVisible();
  const capped = (await uiAction<{ site: SiteJson }>(wallet, 'getSite', { origin })).site;
  expect(capped.policy.limits.at(-1)).toEqual({
    window: 'day',
    unit: { kind: 'token', chainId: stack.chainId, asset: siteUsdc, symbol: 'USDC', decimals: 6 },
    amount: '5000000',
    whenExceeded: 'block',
  });
  await popup.close();

  // The wallet's own USDC is refused; 6 of the site's pass the cap and are refused; 2 are asked
  // about (the site is on "Ask every time") and, approved, paid.
  const send = (token: Address, amount: string) =>
    startRequest(page, 'eth_sendTransaction', [
      transferCall(token, merchant, parseUnits(amount, 6)),
    ]);
  const own = await (await send(stack.tokens.USDC.address, '1')).outcome();
  expect(own.error?.code).toBe(4100);
  expect(own.error?.message).toContain('not allowed');
  const over = await (await send(siteUsdc, '6')).outcome();
  expect(over.error?.code).toBe(4100);
  const fits = await send(siteUsdc, '2');
  const asked = await policyApprovalWindow(wallet);
  expect((await readPolicyReasons(asked)).join('\n')).not.toContain('not allowed');
  await wallet.approve();
  const paid = await fits.outcome();
  expect(paid.error).toBeUndefined();
  expect(await expectMined(stack, paid.result as Hex)).toBe('success');
  expect(await tokenBalance(stack, siteUsdc, merchant)).toBe(parseUnits('2', 6));
});

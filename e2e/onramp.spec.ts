// The FX on-ramp in TP Checkout, for real: the dev stack's provider runs the sandbox on-ramp
// (it sends test tokens from dev account 9 on the dev chain) under the example compliance policy
// (dev account 19 is deny-listed; above 500 EUR outside the EU needs verification). A wallet
// short of funds is offered the missing amount with a card, pays on the sandbox's page, and the
// checkout goes on. Screenshots go to test-results/screenshots/onramp/; axe runs in each state.
import type { Page } from '@playwright/test';
import { createPublicClient, formatUnits, http, toHex } from 'viem';
import type { Address, Hex } from 'viem';
import { english, generateMnemonic, generatePrivateKey, mnemonicToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import { demoShopChainId, demoShopRecipient } from '../scripts/demoShop/demoProduct.ts';
import type { StackInfo } from '../scripts/stack/StackInfo.ts';
import { approvePayment } from './checkout/approvePayment.ts';
import { checkoutWidget } from './checkout/checkoutWidget.ts';
import type { CheckoutWidget } from './checkout/checkoutWidget.ts';
import { expect, test } from './checkout/checkoutTest.ts';
import { expectNoSeriousAxeViolations } from './checkout/expectNoSeriousAxeViolations.ts';
import { installTestWallet } from './checkout/installTestWallet.ts';
import { readApprovalKind } from './checkout/readApprovalKind.ts';
import { readTokenBalance } from './checkout/readTokenBalance.ts';
import { trackCheckout } from './checkout/trackCheckout.ts';
import type { CheckoutTracker } from './checkout/trackCheckout.ts';
import { waitForPaid } from './checkout/waitForPaid.ts';
import { fillSandboxCard, sandboxCards } from './onramp/fillSandboxCard.ts';
import { trackOnrampOrders } from './onramp/trackOnrampOrders.ts';

const password = 'e2e password 123';
const testMnemonic = 'test test test test test test test test test test test junk';
const shots = 'test-results/screenshots/onramp';

/** Dev account 19: ETH for gas but no tokens, and on the example deny list. */
function deniedAccountKey(): Hex {
  const key = mnemonicToAccount(testMnemonic, { addressIndex: 19 }).getHdKey().privateKey;
  if (key === null) throw new Error('account 19 has a key');
  return toHex(key);
}

async function readEthBalance(stack: StackInfo, address: Address): Promise<bigint> {
  const client = createPublicClient({ chain: hardhat, transport: http(stack.rpcUrl) });
  return client.getBalance({ address });
}

/** Locks a USDC quote on the product page (or on `sessionId`, shown there instead). */
async function quoteUsdc(page: Page, shopUrl: string, sessionId?: string): Promise<CheckoutWidget> {
  const widget = checkoutWidget(page);
  await page.goto(shopUrl);
  await widget.expectState('options');
  if (sessionId !== undefined) {
    await widget.element.evaluate((element, id) => {
      element.setAttribute('session', id);
    }, sessionId);
    await widget.expectState('options');
  }
  await widget.option('USDC').click();
  await widget.expectState('quoted');
  return widget;
}

async function quotedAmount(tracker: CheckoutTracker): Promise<bigint> {
  const quotes = (await tracker.details('tp-checkout:quote')) as { quote: { amount: string } }[];
  return BigInt(quotes.at(-1)?.quote.amount ?? '0');
}

/** The state, axe, a screenshot, and the code of the `tp-checkout:failed` that entered it. */
async function inspectState(
  page: Page,
  tracker: CheckoutTracker,
  state: string,
  code?: string,
): Promise<void> {
  const widget = checkoutWidget(page);
  await widget.expectState(state, { timeout: 30_000 });
  await expectNoSeriousAxeViolations(page, state);
  await widget.element.screenshot({ path: `${shots}/${state}.png` });
  if (code !== undefined) {
    expect(await tracker.details('tp-checkout:failed')).toContainEqual(
      expect.objectContaining({ state, code }),
    );
  }
}

test('a fresh wallet with nothing in it buys the missing USDC with the 4242 card, then pays: the session settles', async ({
  page,
  shop,
  stack,
  wallet,
}) => {
  test.setTimeout(180_000);
  const { address } = await wallet.createNewWallet({ password });
  const shopper = address as Address;
  expect(await readTokenBalance(stack, 'USDC', shopper)).toBe(0n);
  expect(await readEthBalance(stack, shopper)).toBe(0n);
  const tracker = await trackCheckout(page);
  const orders = trackOnrampOrders(page);
  const widget = await quoteUsdc(page, shop.url);
  const amount = await quotedAmount(tracker);
  const sessionId = (await widget.element.getAttribute('session')) ?? '';

  await widget.primaryButton.click();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('connect');
  await wallet.approve();
  await widget.expectState('error-insufficient-funds');
  // The offer: exactly what is missing, its price, and the fees, each on its own line.
  const buy = widget.action('buy');
  await expect(buy).toHaveText(`Buy ${formatUnits(amount, 6)} USDC with card`);
  const fees = widget.element.locator('[part~="onramp-fees"]');
  await expect(fees).toContainText('You receive');
  await expect(fees).toContainText('Card provider fee');
  await expect(fees).toContainText('Network fee');
  await expect(fees).toContainText('You pay');
  await expect(widget.element.locator('[part~="onramp-offer"]')).toContainText(
    'Sandbox (test cards)',
  );
  await expect(widget.element.locator('[part~="onramp-country"]')).toHaveValue('US');
  await expectNoSeriousAxeViolations(page, 'error-insufficient-funds with the card offer');
  await widget.element.screenshot({ path: `${shots}/offer.png` });

  const popupOpened = page.waitForEvent('popup');
  await buy.click();
  const popup = await popupOpened;
  await popup.waitForURL(/\/onramp\/sandbox\/oro_[0-9a-f]{32}$/);
  await widget.expectState('onramp-paying');
  // The page is cut off from the shop's: it cannot script or navigate it.
  expect(await popup.evaluate(() => window.opener === null)).toBe(true);
  await expect(popup.getByRole('heading', { level: 1 })).toContainText('USDC');
  await popup.screenshot({ path: `${shots}/sandbox-page.png`, fullPage: true });
  await expectNoSeriousAxeViolations(page, 'onramp-paying');
  await widget.element.screenshot({ path: `${shots}/onramp-paying.png` });

  const closed = popup.waitForEvent('close', { timeout: 30_000 });
  await fillSandboxCard(popup, sandboxCards.succeeds);
  // The tokens arrive; the checkout closes the on-ramp's window and goes on to pay.
  await closed;
  await approvePayment(wallet, { summaryPart: /USDC/, expectConnect: false });
  await waitForPaid(page, stack);
  const [paid] = (await tracker.details('tp-checkout:paid')) as { status: string }[];
  expect(paid?.status).toBe('settled');
  expect((await shop.merchantApi.getCheckoutSession(sessionId)).status).toBe('settled');
  // It bought exactly what was missing, and paid all of it.
  expect(await readTokenBalance(stack, 'USDC', shopper)).toBe(0n);
  const [orderId] = orders.orderIds;
  const order = await shop.merchantApi.getOnrampOrder(orderId ?? '');
  expect(order).toMatchObject({
    status: 'completed',
    crypto_amount: amount.toString(),
    wallet_address: shopper,
  });
  expect(order.tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
  await widget.element.screenshot({ path: `${shots}/paid.png` });
});

test('the declined card (shown in the card: popups blocked) and the insufficient-funds card each end in their state', async ({
  page,
  shop,
  stack,
  wallet,
}) => {
  test.setTimeout(180_000);
  await wallet.onboard({ mnemonic: generateMnemonic(english), password });
  // A popup blocker: window.open gives nothing (until the test puts it back).
  await page.addInitScript(() => {
    const page = window as unknown as { tpOpen: typeof window.open };
    page.tpOpen = window.open.bind(window);
    window.open = () => null;
  });
  const tracker = await trackCheckout(page);
  const orders = trackOnrampOrders(page);
  const widget = await quoteUsdc(page, shop.url);
  await widget.primaryButton.click();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('connect');
  await wallet.approve();
  await widget.expectState('error-insufficient-funds');

  // No popup: the sandbox allows framing, so its page shows inside the card.
  await widget.action('buy').click();
  await widget.expectState('onramp-paying');
  const frame = widget.element.locator('iframe[part~="onramp-frame"]');
  await expect(frame).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'onramp-paying in the card');
  await widget.element.screenshot({ path: `${shots}/onramp-paying-frame.png` });
  await fillSandboxCard(frame.contentFrame(), sandboxCards.declined);
  await inspectState(page, tracker, 'error-onramp-declined', 'onramp/card_declined');
  await expect(widget.element.locator('[part~="error"]')).toContainText('No money was taken');

  // "Try another card" (popups allowed again): a new offer, a new order, in a popup this time.
  await page.evaluate(() => {
    window.open = (window as unknown as { tpOpen: typeof window.open }).tpOpen;
  });
  await widget.action('retry-onramp').click();
  await widget.expectState('error-insufficient-funds');
  const popupOpened = page.waitForEvent('popup');
  await widget.action('buy').click();
  const popup = await popupOpened;
  await popup.waitForURL(/\/onramp\/sandbox\/oro_/);
  const closed = popup.waitForEvent('close', { timeout: 30_000 });
  await fillSandboxCard(popup, sandboxCards.insufficientFunds);
  await inspectState(page, tracker, 'error-onramp-insufficient-funds', 'onramp/insufficient_funds');
  await closed;
  await expect(widget.action('retry-onramp')).toBeVisible();
  await expect(widget.action('change-option')).toBeVisible();

  // The provider agrees: both orders failed, for their reasons; nothing was sent.
  expect(orders.orderIds).toHaveLength(2);
  const failures = [];
  for (const id of orders.orderIds) {
    const order = await shop.merchantApi.getOnrampOrder(id);
    failures.push({ status: order.status, code: order.failure?.code, txHash: order.tx_hash });
  }
  expect(failures).toEqual([
    { status: 'failed', code: 'card_declined', txHash: null },
    { status: 'failed', code: 'insufficient_funds', txHash: null },
  ]);
  const [first] = orders.orderIds;
  const shopper = (await shop.merchantApi.getOnrampOrder(first ?? '')).wallet_address as Address;
  expect(await readTokenBalance(stack, 'USDC', shopper)).toBe(0n);
});

test('a deny-listed address is refused, and the widget says so with a way forward', async ({
  page,
  shop,
  stack,
}) => {
  test.setTimeout(120_000);
  const testWallet = await installTestWallet({
    page,
    rpcUrl: stack.rpcUrl,
    chainId: stack.chainId,
    privateKey: deniedAccountKey(),
  });
  const tracker = await trackCheckout(page);
  const widget = await quoteUsdc(page, shop.url);
  await widget.primaryButton.click();
  // TP Wallet is loaded too: the picker shows both.
  await widget.expectState('wallet-picker');
  await widget.wallet(testWallet.name).click();
  await widget.expectState('error-insufficient-funds');
  await widget.action('buy').click();
  await inspectState(page, tracker, 'error-onramp-denied', 'provider/onramp_address_denied');
  await expect(widget.element.locator('[part~="error"]')).toContainText(
    'cannot sell to this wallet address',
  );
  // Another way to pay.
  await widget.action('change-option').click();
  await widget.expectState('options');
});

test('an order above the verification threshold asks for verification', async ({
  page,
  shop,
  stack,
}) => {
  test.setTimeout(120_000);
  // 600 EUR: above the example policy's 500 EUR without identity verification (outside the EU).
  const session = await shop.merchantApi.createCheckoutSession({
    amount_minor: '60000',
    currency: 'EUR',
    recipients: { [String(demoShopChainId)]: demoShopRecipient },
    accepted_assets: [{ chain_id: demoShopChainId, asset: 'USDC' }],
  });
  const testWallet = await installTestWallet({
    page,
    rpcUrl: stack.rpcUrl,
    chainId: stack.chainId,
    privateKey: generatePrivateKey(),
  });
  const tracker = await trackCheckout(page);
  const widget = await quoteUsdc(page, shop.url, session.id);
  const amount = await quotedAmount(tracker);
  await widget.primaryButton.click();
  await widget.expectState('wallet-picker');
  await widget.wallet(testWallet.name).click();
  await widget.expectState('error-insufficient-funds');
  await expect(widget.action('buy')).toHaveText(`Buy ${formatUnits(amount, 6)} USDC with card`);
  await widget.element.screenshot({ path: `${shots}/offer-over-limit.png` });
  // The offer in Arabic (right to left; its strings are a chunk of their own), then back.
  await widget.element.evaluate((element) => {
    element.setAttribute('lang', 'ar');
  });
  await expect(widget.element.locator('[part~="onramp-offer"] h3')).toHaveText('أو اشترِه بالبطاقة');
  await expect(widget.root).toHaveAttribute('dir', 'rtl');
  await expectNoSeriousAxeViolations(page, 'error-insufficient-funds with the offer, in Arabic');
  await widget.element.screenshot({ path: `${shots}/offer-ar.png` });
  await widget.element.evaluate((element) => {
    element.setAttribute('lang', 'en');
  });
  await expect(widget.action('buy')).toHaveText(`Buy ${formatUnits(amount, 6)} USDC with card`);
  await widget.action('buy').click();
  await inspectState(
    page,
    tracker,
    'error-onramp-verification',
    'provider/onramp_verification_required',
  );
  await expect(widget.element.locator('[part~="error"]')).toContainText('identity check');
  await expect(widget.action('retry-onramp')).toBeVisible();
  await expect(widget.action('change-option')).toBeVisible();
});

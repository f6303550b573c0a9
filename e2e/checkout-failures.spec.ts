// Every failure state of TP Checkout, reached for real and recovered from: the wallet refuses,
// the wallet is on another network, the account lacks funds, the quote runs out, the provider
// cannot be reached, less than quoted arrives, the session expires. Screenshots of each state go
// to test-results/screenshots/widget/; axe runs in each.
import type { Page, Route } from '@playwright/test';
import { english, generateMnemonic, mnemonicToAccount } from 'viem/accounts';
import { formatUnits } from 'viem';
import type { Hex } from 'viem';
import {
  demoProduct,
  demoShopChainId,
  demoShopRecipient,
} from '../scripts/demoShop/demoProduct.ts';
import { approvePayment } from './checkout/approvePayment.ts';
import { readApprovalKind } from './checkout/readApprovalKind.ts';
import { checkoutWidget } from './checkout/checkoutWidget.ts';
import { expect, test } from './checkout/checkoutTest.ts';
import { expectNoSeriousAxeViolations } from './checkout/expectNoSeriousAxeViolations.ts';
import { fundAccount } from './checkout/fundAccount.ts';
import { installTestWallet } from './checkout/installTestWallet.ts';
import { trackCheckout } from './checkout/trackCheckout.ts';
import { waitForPaid } from './checkout/waitForPaid.ts';
import { mineUntil } from './checkout/mineUntil.ts';

const testMnemonic = 'test test test test test test test test test test test junk';
const password = 'e2e password 123';
const shots = 'test-results/screenshots/widget';

/** Opens the product page and locks a USDC quote. */
async function quoteUsdc(page: Page, shopUrl: string) {
  const widget = checkoutWidget(page);
  await page.goto(shopUrl);
  await widget.expectState('options');
  await widget.option('USDC').click();
  await widget.expectState('quoted');
  return widget;
}

/** Checks the error state: its name, axe, a screenshot, and the `tp-checkout:failed` code. */
async function inspectErrorState(page: Page, state: string) {
  const widget = checkoutWidget(page);
  await widget.expectState(state);
  await expect(widget.element.locator('[part~="error"]')).toBeVisible();
  await expectNoSeriousAxeViolations(page, state);
  await widget.element.screenshot({ path: `${shots}/${state}.png` });
}

// A session that expires one minute after the file starts: the last test waits for it, so
// the other tests' time counts towards the wait.
let shortSessionId = '';
test.beforeAll(async ({ shop }) => {
  const session = await shop.merchantApi.createCheckoutSession({
    amount_minor: demoProduct.amountMinor,
    currency: demoProduct.currency,
    recipients: { [String(demoShopChainId)]: demoShopRecipient },
    accepted_assets: [{ chain_id: demoShopChainId, asset: 'USDC' }],
    expires_in: 60,
  });
  shortSessionId = session.id;
});

test('wallet rejected: the shopper refuses in TP Wallet, then tries again and pays', async ({
  page,
  shop,
  stack,
  wallet,
}) => {
  test.setTimeout(120_000);
  await wallet.onboard({ mnemonic: testMnemonic, password });
  const tracker = await trackCheckout(page);
  const widget = await quoteUsdc(page, shop.url);
  await widget.primaryButton.click();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('connect');
  await wallet.approve();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('send-transaction');
  await wallet.reject();
  await inspectErrorState(page, 'error-wallet-rejected');
  expect(await tracker.details('tp-checkout:failed')).toContainEqual(
    expect.objectContaining({ state: 'error-wallet-rejected', code: 'wallet/rejected' }),
  );

  await widget.action('retry').click();
  await approvePayment(wallet, { summaryPart: /USDC/, expectConnect: false });
  await waitForPaid(page, stack);
});

test('wrong network: TP Wallet is on Ethereum, refuses the switch once, then switches and pays', async ({
  page,
  shop,
  stack,
  wallet,
}) => {
  test.setTimeout(120_000);
  await wallet.onboard({ mnemonic: testMnemonic, password });
  await page.goto(shop.url);
  // The shopper's wallet is on Ethereum mainnet for this site.
  const switched = page.evaluate(() =>
    window.ethereum?.request({
      method: 'wallet_switchEthereumChain',
      params: [{ chainId: '0x1' }],
    }),
  );
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('switch-chain');
  await wallet.approve();
  await switched;
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_chainId' }))).toBe(
    '0x1',
  );

  const widget = await quoteUsdc(page, shop.url);
  await widget.primaryButton.click();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('connect');
  await wallet.approve();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('switch-chain');
  await wallet.reject();
  await inspectErrorState(page, 'error-wrong-network');

  await widget.action('switch-network').click();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('switch-chain');
  await wallet.approve();
  await approvePayment(wallet, { summaryPart: /USDC/, expectConnect: false });
  await waitForPaid(page, stack);
  expect(await page.evaluate(() => window.ethereum?.request({ method: 'eth_chainId' }))).toBe(
    '0x7a69',
  );
});

test('insufficient funds: an empty account is told what is missing, gets funded, checks again and pays', async ({
  page,
  shop,
  stack,
  wallet,
}) => {
  test.setTimeout(120_000);
  const emptyMnemonic = generateMnemonic(english);
  const emptyAccount = mnemonicToAccount(emptyMnemonic);
  await wallet.onboard({ mnemonic: emptyMnemonic, password });
  const tracker = await trackCheckout(page);
  const widget = await quoteUsdc(page, shop.url);
  const [quoted] = (await tracker.details('tp-checkout:quote')) as { quote: { amount: string } }[];
  const amount = BigInt(quoted?.quote.amount ?? '0');
  await widget.primaryButton.click();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('connect');
  await wallet.approve();
  await inspectErrorState(page, 'error-insufficient-funds');
  // It says how much is missing: the whole amount, as the account holds no USDC.
  await expect(widget.element.locator('[part~="error"]')).toContainText(
    `${formatUnits(amount, 6)} USDC`,
  );

  await fundAccount({ stack, to: emptyAccount.address, amount, token: 'USDC' });
  await widget.action('check-balance').click();
  await approvePayment(wallet, { summaryPart: /USDC/, expectConnect: false });
  await waitForPaid(page, stack);
});

test('quote expired: the countdown runs out, the shopper gets a new quote and pays it', async ({
  page,
  shop,
  stack,
  wallet,
}) => {
  test.setTimeout(120_000);
  await wallet.onboard({ mnemonic: testMnemonic, password });
  await page.clock.install();
  const tracker = await trackCheckout(page);
  const widget = await quoteUsdc(page, shop.url);
  // Ten minutes pass in the page (the quote's lifetime) without paying.
  await page.clock.fastForward('10:05');
  await inspectErrorState(page, 'error-quote-expired');
  const [firstQuote] = (await tracker.details('tp-checkout:quote')) as {
    quote: { id: string };
  }[];
  expect(await tracker.details('tp-checkout:expired')).toContainEqual(
    expect.objectContaining({ what: 'quote', quoteId: firstQuote?.quote.id }),
  );

  // Back to the real time (the session itself still has minutes left), then a new quote.
  await page.clock.setSystemTime(new Date());
  await widget.action('requote').click();
  await widget.expectState('quoted');
  const quotes = (await tracker.details('tp-checkout:quote')) as { quote: { id: string } }[];
  expect(quotes).toHaveLength(2);
  expect(quotes[1]?.quote.id).not.toBe(firstQuote?.quote.id);
  await widget.primaryButton.click();
  await approvePayment(wallet, { summaryPart: /USDC/ });
  await waitForPaid(page, stack);
});

test('provider unreachable: the widget retries by itself with growing delays, then "Try again now"', async ({
  page,
  shop,
  stack,
}) => {
  test.setTimeout(90_000);
  const sessionReads: number[] = [];
  // The provider is down for the widget's first three reads of the session.
  await page.route(`${stack.providerUrl}/v1/checkout/sessions/*`, async (route: Route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    sessionReads.push(Date.now());
    return sessionReads.length <= 3 ? route.abort('connectionrefused') : route.fallback();
  });
  const widget = checkoutWidget(page);
  await page.goto(shop.url);
  await inspectErrorState(page, 'error-provider-unreachable');
  await widget.expectState('options', { timeout: 20_000 });
  expect(sessionReads.length).toBe(4);
  const [first = 0, second = 0, third = 0, fourth = 0] = sessionReads;
  // Backoff: about 1 s, 2 s, 4 s between tries (timers are not exact; allow some slack).
  expect(second - first).toBeGreaterThanOrEqual(900);
  expect(third - second).toBeGreaterThanOrEqual(1_800);
  expect(fourth - third).toBeGreaterThanOrEqual(3_600);
  expect(fourth - third).toBeLessThan(8_000);

  // Down again while locking the quote: the shopper does not wait for the next retry.
  let isDown = true;
  const quoteAttempts: number[] = [];
  await page.route(`${stack.providerUrl}/v1/checkout/sessions/*/quotes`, async (route: Route) => {
    quoteAttempts.push(Date.now());
    return isDown ? route.abort('connectionrefused') : route.fallback();
  });
  await widget.option('USDC').click();
  await widget.expectState('error-provider-unreachable');
  await expect.poll(() => quoteAttempts.length, { timeout: 10_000 }).toBe(3);
  isDown = false;
  const clickedAt = Date.now();
  await widget.action('retry').click();
  await widget.expectState('quoted', { timeout: 3_000 });
  // The next automatic retry was 4 s away: this answer came from the click.
  expect((quoteAttempts.at(-1) ?? 0) - clickedAt).toBeLessThan(2_000);
});

test('underpaid: less than quoted arrives, the widget asks for the rest, the wallet pays it', async ({
  page,
  shop,
  stack,
}) => {
  test.setTimeout(120_000);
  let isFirstPayment = true;
  const testWallet = await installTestWallet({
    page,
    rpcUrl: stack.rpcUrl,
    chainId: stack.chainId,
    privateKey: stack.accounts[2]?.privateKey ?? '0x',
    // The shopper's wallet sends half of the amount the first time (an edited amount).
    rewriteTransaction: (transaction) => {
      if (!isFirstPayment || transaction.data === undefined) return transaction;
      isFirstPayment = false;
      return { ...transaction, data: halveTransferAmount(transaction.data) };
    },
  });
  const tracker = await trackCheckout(page);
  const widget = await quoteUsdc(page, shop.url);
  const [quoted] = (await tracker.details('tp-checkout:quote')) as { quote: { amount: string } }[];
  const amount = BigInt(quoted?.quote.amount ?? '0');
  await widget.primaryButton.click();
  // TP Wallet is loaded too: the picker shows both wallets.
  await widget.expectState('wallet-picker');
  await widget.wallet(testWallet.name).click();
  await mineUntil({
    stack,
    isDone: async () => (await widget.root.getAttribute('data-state')) === 'error-underpaid',
  });
  await inspectErrorState(page, 'error-underpaid');
  const rest = amount - amount / 2n;
  await expect(widget.element.locator('[part~="error"]')).toContainText(
    `${formatUnits(rest, 6)} USDC`,
  );

  // It goes on with the wallet that paid the first part, without asking which one again.
  await widget.action('pay-rest').click();
  await widget.expectState(/confirming|submitted|confirming-chain|paid/);
  await waitForPaid(page, stack);
  expect(testWallet.sentTransactions).toHaveLength(2);
  const [paid] = (await tracker.details('tp-checkout:paid')) as {
    status: string;
    amountPaid: { amount_paid: string };
  }[];
  expect(paid).toMatchObject({ status: 'settled', amountPaid: { amount_paid: amount.toString() } });
});

test('session expired: the page says so once the session is over; a new visit starts a new one', async ({
  page,
  shop,
}) => {
  test.setTimeout(120_000);
  const tracker = await trackCheckout(page);
  const widget = checkoutWidget(page);
  await page.goto(shop.url);
  await widget.expectState('options');
  // The shop page now shows the one-minute session created when this file started.
  await widget.element.evaluate((element, id) => {
    element.setAttribute('session', id);
  }, shortSessionId);
  await widget.expectState(/options|error-session-expired/);
  await widget.expectState('error-session-expired', { timeout: 75_000 });
  await expect(widget.element.locator('[part~="error"]')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'error-session-expired');
  await widget.element.screenshot({ path: `${shots}/error-session-expired.png` });
  expect(await tracker.details('tp-checkout:expired')).toContainEqual(
    expect.objectContaining({ what: 'session', quoteId: null }),
  );
  expect((await shop.merchantApi.getCheckoutSession(shortSessionId)).status).toBe('expired');

  await page.reload();
  await widget.expectState('options');
});

/** ERC-20 `transfer(to, amount)` + 16-byte reference, with the amount halved (rounded down). */
function halveTransferAmount(data: Hex): Hex {
  const amountStart = 2 + 8 + 64;
  const amount = BigInt(`0x${data.slice(amountStart, amountStart + 64)}`);
  const halved = (amount / 2n).toString(16).padStart(64, '0');
  return `${data.slice(0, amountStart)}${halved}${data.slice(amountStart + 64)}` as Hex;
}

// Subscriptions end to end on the demo shop (`/subscribe`, the widget in mode="subscription"),
// with the real provider, TP Wallet and the dev chain: the shopper grants the allowance and pays
// the first month; a month later (wallet clock, provider clock and chain time moved together)
// the wallet pays the renewal by itself, the provider marks it renewed and sends the webhook;
// cancel from the wallet stops everything and the provider shows `canceled`. Also: the browser
// closed over a renewal, the renewal is paid when it comes back within the grace period; and a
// free trial (`/subscribe?plan=trial`): nothing paid at sign-up, the first month paid by the
// wallet itself when the trial ends.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { checkoutWidget } from './checkout/checkoutWidget.ts';
import { expect, test } from './checkout/checkoutTest.ts';
import type { CheckoutShop } from './checkout/checkoutTest.ts';
import { mineUntil } from './checkout/mineUntil.ts';
import { readApprovalKind } from './checkout/readApprovalKind.ts';
import { readTokenBalance } from './checkout/readTokenBalance.ts';
import { trackCheckout } from './checkout/trackCheckout.ts';
import { waitForPaid } from './checkout/waitForPaid.ts';
import { launchWalletContext } from './fixtures.ts';
import type { StackInfo, WalletDriver } from './fixtures.ts';
import { currentTimeOffsetMs, moveStackTime } from './subscriptions/moveTime.ts';
import { sendWalletUi } from './subscriptions/sendWalletUi.ts';
import { startWebhookReceiver } from './subscriptions/startWebhookReceiver.ts';
import { demoShopRecipient } from '../scripts/demoShop/demoProduct.ts';
import { demoTrialSubscription } from '../scripts/demoShop/demoTrialSubscriptionPlan.ts';
import type { Subscription } from '../shared/providerApi/Subscription.ts';

const testMnemonic = 'test test test test test test test test test test test junk';
const password = 'e2e password 123';
const shots = 'test-results/screenshots/subscriptions';

type Overview = {
  subscriptions: {
    subscriptionId: string | null;
    status: string | null;
    payments: { periodIndex: number; hash: string | null }[];
    isClosed: boolean;
  }[];
};

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
  // The stack's time may have been moved by an earlier test: the wallet starts from it.
  await sendWalletUi(wallet, 'setClockOffset', { offsetMs: currentTimeOffsetMs() });
});

/** Subscribes on the demo shop's /subscribe page; returns the subscription once created. */
async function subscribeOnShop(
  page: Page,
  shop: CheckoutShop,
  stack: StackInfo,
  wallet: WalletDriver,
): Promise<Subscription> {
  const tracker = await trackCheckout(page);
  await page.goto(`${shop.url}/subscribe`);
  const widget = checkoutWidget(page);
  await widget.expectState('options');
  const terms = widget.element.locator('[part~="subscription-price"]');
  await expect(terms).toContainText('9.99');
  await expect(terms).toContainText('per month');
  await expect(terms).toContainText('first payment today');
  await widget.option('USDC').click();
  await widget.expectState('quoted');
  const allowance = widget.element.locator('[part~="subscription-allowance"]');
  await expect(allowance).toContainText(/up to \d+(\.\d+)?\sUSDC per month/);
  await widget.element.screenshot({ path: `${shots}/widget-quoted.png` });
  await widget.primaryButton.click();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('connect');
  await wallet.approve();
  await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('grant-permissions');
  const grantWindow = await wallet.approvalWindow();
  await expect(grantWindow.getByTestId('approval-grant-sentence')).toContainText('USDC');
  await grantWindow.screenshot({ path: `${shots}/wallet-grant.png` });
  await wallet.approve();
  // The first payment fits the allowance just granted: no window for it.
  await waitForPaid(page, stack);
  const [quoted] = (await tracker.details('tp-checkout:quote')) as {
    sessionId: string;
  }[];
  const sessionId = quoted?.sessionId ?? '';
  const readSubscriptionId = async () =>
    (await shop.merchantApi.getSubscriptionCheckout(sessionId)).subscription;
  await expect.poll(readSubscriptionId, { timeout: 20_000 }).not.toBeNull();
  return shop.merchantApi.getSubscription((await readSubscriptionId()) ?? '');
}

/** Moves the stack and the wallet to one minute after the next renewal falls due. */
async function moveToNextRenewal(
  stack: StackInfo,
  wallet: WalletDriver,
  subscription: Subscription,
  extraMs = 60_000,
): Promise<number> {
  const due = Date.parse(subscription.next_renewal_at ?? '');
  // `due` is on the provider's clock, which runs `currentTimeOffsetMs()` ahead of real time.
  const offsetMs = due - Date.now() + extraMs;
  await moveStackTime(stack, offsetMs);
  await sendWalletUi(wallet, 'setClockOffset', { offsetMs });
  return offsetMs;
}

async function registerWebhook(stack: StackInfo, shop: CheckoutShop, url: string) {
  const { secretKey } = JSON.parse(readFileSync(shop.merchantFile, 'utf8')) as {
    secretKey: string;
  };
  const response = await fetch(`${stack.providerUrl}/v1/webhook_endpoints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url, enabled_events: ['*'] }),
  });
  expect(response.status).toBe(200);
}

test('subscribe on the demo shop; a month later the wallet pays the renewal itself; the provider renews and sends the webhook; cancel from the wallet stops it', async ({
  page,
  shop,
  stack,
  wallet,
}) => {
  test.setTimeout(180_000);
  const webhooks = await startWebhookReceiver();
  try {
    await registerWebhook(stack, shop, webhooks.url);
    const subscription = await subscribeOnShop(page, shop, stack, wallet);
    expect(subscription).toMatchObject({ status: 'active', paid_periods: 1 });
    expect(subscription.grant.recipient).toBe(demoShopRecipient);

    await moveToNextRenewal(stack, wallet, subscription);
    const merchantBefore = await readTokenBalance(stack, 'USDC', demoShopRecipient);
    // The provider's sweeper bills the period (every second); the wallet's alarm would look
    // every few minutes: "Check renewals now" does the same at once.
    await expect
      .poll(
        async () => {
          const overview = await sendWalletUi<Overview>(wallet, 'runSubscriptions');
          return overview.subscriptions[0]?.payments.filter((payment) => payment.hash !== null);
        },
        { timeout: 30_000, intervals: [1_000] },
      )
      .toEqual([expect.objectContaining({ periodIndex: 1 })]);
    await mineUntil({
      stack,
      timeoutMs: 60_000,
      isDone: async () =>
        (await shop.merchantApi.getSubscription(subscription.id)).paid_periods === 2,
      describe: async () => JSON.stringify(await shop.merchantApi.getSubscription(subscription.id)),
    });
    const renewed = await shop.merchantApi.getSubscription(subscription.id);
    expect(renewed).toMatchObject({ status: 'active', paid_periods: 2 });
    expect(await readTokenBalance(stack, 'USDC', demoShopRecipient)).toBeGreaterThan(
      merchantBefore,
    );
    await expect
      .poll(() =>
        webhooks.events
          .filter((event) => (event.data as { id?: string }).id === subscription.id)
          .map((event) => event.type),
      )
      .toEqual(expect.arrayContaining(['subscription.created', 'subscription.renewed']));

    // The wallet's Subscriptions page, then Cancel (signs, tells the provider, revokes).
    const popup = await wallet.openPopup();
    await popup.setViewportSize({ width: 360, height: 640 });
    await popup.getByTestId('open-subscriptions').click();
    const entry = popup.getByTestId('subscription');
    await expect(entry).toHaveAttribute('data-status', 'active');
    await expect(popup.getByTestId('subscription-merchant')).toHaveText('Coffee Club, monthly');
    await expect(popup.getByTestId('subscription-allowance')).toContainText('USDC');
    await expect(popup.getByTestId('subscription-spent')).toContainText('1');
    await popup.screenshot({ path: `${shots}/wallet-subscriptions.png` });
    await popup.getByTestId('subscription-cancel').click();
    await popup.getByTestId('subscription-cancel-confirm').click();
    await expect(entry).toHaveAttribute('data-status', 'canceled');
    // The allowance and what was paid stay readable once the grant is revoked.
    await expect(popup.getByTestId('subscription-allowance')).toContainText('USDC');
    await expect(popup.getByTestId('subscription-spent')).toContainText('USDC');
    await popup.screenshot({ path: `${shots}/wallet-subscriptions-canceled.png` });
    const canceled = await shop.merchantApi.getSubscription(subscription.id);
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'subscriber' });
    await expect
      .poll(() => webhooks.events.map((event) => event.type))
      .toContain('subscription.canceled');

    // Another month: nothing more is paid.
    const paidBefore = await readTokenBalance(stack, 'USDC', demoShopRecipient);
    await moveToNextRenewal(stack, wallet, renewed);
    const after = await sendWalletUi<Overview>(popup, 'runSubscriptions');
    expect(after.subscriptions[0]?.payments).toHaveLength(1);
    expect(after.subscriptions[0]?.isClosed).toBe(true);
    expect(await readTokenBalance(stack, 'USDC', demoShopRecipient)).toBe(paidBefore);
    await popup.close();
  } finally {
    await webhooks.stop();
  }
});

test('browser closed over a renewal: the renewal is paid when it comes back, within grace, once', async ({
  context,
  page,
  profileDir,
  shop,
  stack,
  wallet,
}) => {
  test.setTimeout(180_000);
  const subscription = await subscribeOnShop(page, shop, stack, wallet);
  await context.close();
  // Two days after the renewal fell due: the wallet was away, the grace period (72 h) runs.
  const offsetMs = Date.parse(subscription.next_renewal_at ?? '') - Date.now() + 2 * 86_400_000;
  await moveStackTime(stack, offsetMs);
  let reopened: BrowserContext | undefined;
  try {
    reopened = await launchWalletContext(stack.extensionDir, profileDir);
    const worker = reopened.serviceWorkers()[0] ?? (await reopened.waitForEvent('serviceworker'));
    const popup = await reopened.newPage();
    await popup.goto(
      `chrome-extension://${new URL(worker.url()).host}/extension/ui/popup/popup.html`,
    );
    const send = <Result>(action: string, params: Record<string, unknown> = {}): Promise<Result> =>
      sendWalletUi<Result>(popup, action, params);
    await send('setClockOffset', { offsetMs });
    // Unlocking is all it takes: the worker looks at due renewals then.
    await popup.getByTestId('unlock-password').fill(password);
    await popup.getByTestId('unlock-submit').click();
    await expect
      .poll(
        async () =>
          (await send<Overview>('listSubscriptions')).subscriptions[0]?.payments.filter(
            (payment) => payment.hash !== null,
          ),
        { timeout: 30_000 },
      )
      .toEqual([expect.objectContaining({ periodIndex: 1 })])
      .catch(async (error: unknown) => {
        throw new Error(
          `${String(error)}\n${JSON.stringify(await send('runSubscriptions'), null, 1)}`,
        );
      });
    await mineUntil({
      stack,
      timeoutMs: 60_000,
      isDone: async () =>
        (await shop.merchantApi.getSubscription(subscription.id)).paid_periods === 2,
    });
    await send('runSubscriptions');
    const overview = await send<Overview>('listSubscriptions');
    expect(overview.subscriptions[0]?.payments).toHaveLength(1);
  } finally {
    await reopened?.close();
  }
});

test('free trial: nothing is paid at sign-up and the provider shows trialing; when the trial ends the wallet pays the first month itself, the provider turns active and sends the webhook', async ({
  page,
  shop,
  stack,
  wallet,
}) => {
  test.setTimeout(180_000);
  const webhooks = await startWebhookReceiver();
  try {
    await registerWebhook(stack, shop, webhooks.url);
    // The widget's trial event (not among the one-time checkout events trackCheckout records).
    await page.addInitScript(() => {
      const store = window as unknown as { tpSubscribed: unknown[] };
      store.tpSubscribed = [];
      document.addEventListener('tp-checkout:subscribed', (event) => {
        store.tpSubscribed.push((event as CustomEvent).detail);
      });
    });
    const readSubscribed = () =>
      page.evaluate(() => (window as unknown as { tpSubscribed: unknown[] }).tpSubscribed);
    const merchantBefore = await readTokenBalance(stack, 'USDC', demoShopRecipient);
    await page.goto(`${shop.url}/subscribe?plan=trial`);
    await expect(page.locator('h1')).toHaveText(demoTrialSubscription.name);
    const widget = checkoutWidget(page);
    await widget.expectState('options');
    const terms = widget.element.locator('[part~="subscription"]');
    await expect(terms).toContainText('7-day free trial');
    await expect(terms).toContainText('9.99');
    await expect(terms).toContainText('Nothing is paid today.');
    await widget.option('USDC').click();
    await widget.expectState('quoted');
    // Nothing is paid now: the quote is the first payment's, at today's rate.
    await expect(widget.element.locator('h2')).toHaveText("First payment, at today's rate");
    await expect(widget.primaryButton).toHaveText('Start free trial with wallet');
    await widget.element.screenshot({ path: `${shots}/widget-trial-quoted.png` });
    await widget.primaryButton.click();
    await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('connect');
    await wallet.approve();
    await expect
      .poll(() => readApprovalKind(wallet), { timeout: 15_000 })
      .toBe('grant-permissions');
    await wallet.approve();
    // The trial's start is a signed message (nothing to pay): the wallet asks for it.
    await expect.poll(() => readApprovalKind(wallet), { timeout: 15_000 }).toBe('sign-message');
    await wallet.approve();
    await widget.expectState('trial-started', { timeout: 30_000 });
    await expect(widget.element.locator('[part~="trial-first-payment"]')).toContainText('USDC');
    await widget.element.screenshot({ path: `${shots}/widget-trial-started.png` });

    await expect.poll(readSubscribed).toHaveLength(1);
    const [subscribed] = (await readSubscribed()) as {
      subscriptionId: string;
      status: string;
      trialEnd: string;
    }[];
    expect(subscribed).toMatchObject({ status: 'trialing' });
    const trialing = await shop.merchantApi.getSubscription(subscribed?.subscriptionId ?? '');
    expect(trialing).toMatchObject({ status: 'trialing', paid_periods: 0 });
    expect(trialing.trial_end).not.toBeNull();
    expect(trialing.next_renewal_at).toBe(trialing.trial_end);
    // Seven days from sign-up, both on the provider's clock (which may run ahead of real time).
    const trialDays =
      (Date.parse(trialing.trial_end ?? '') - Date.parse(trialing.created_at)) / 86_400_000;
    expect(trialDays).toBeGreaterThan(6.99);
    expect(trialDays).toBeLessThanOrEqual(7);
    expect(await readTokenBalance(stack, 'USDC', demoShopRecipient)).toBe(merchantBefore);
    await expect
      .poll(() =>
        webhooks.events
          .filter((event) => (event.data as { id?: string }).id === trialing.id)
          .map((event) => event.type),
      )
      .toEqual(['subscription.created']);
    // The wallet knows the subscription, and has paid nothing for it.
    const linked = await sendWalletUi<Overview>(wallet, 'runSubscriptions');
    expect(linked.subscriptions[0]).toMatchObject({ subscriptionId: trialing.id, payments: [] });

    // A minute after the trial ended: period 0 is due, and paid by the wallet within the grant.
    await moveToNextRenewal(stack, wallet, trialing);
    await expect
      .poll(
        async () => {
          const overview = await sendWalletUi<Overview>(wallet, 'runSubscriptions');
          return overview.subscriptions[0]?.payments.filter((payment) => payment.hash !== null);
        },
        { timeout: 30_000, intervals: [1_000] },
      )
      .toEqual([expect.objectContaining({ periodIndex: 0 })]);
    await mineUntil({
      stack,
      timeoutMs: 60_000,
      isDone: async () => (await shop.merchantApi.getSubscription(trialing.id)).paid_periods === 1,
      describe: async () => JSON.stringify(await shop.merchantApi.getSubscription(trialing.id)),
    });
    const active = await shop.merchantApi.getSubscription(trialing.id);
    expect(active).toMatchObject({ status: 'active', paid_periods: 1 });
    expect(await readTokenBalance(stack, 'USDC', demoShopRecipient)).toBeGreaterThan(
      merchantBefore,
    );
    await expect
      .poll(() =>
        webhooks.events
          .filter((event) => (event.data as { id?: string }).id === trialing.id)
          .map((event) => event.type),
      )
      .toEqual(['subscription.created', 'subscription.renewed']);
    // One payment for period 0, however often the wallet looks again.
    const again = await sendWalletUi<Overview>(wallet, 'runSubscriptions');
    expect(again.subscriptions[0]?.payments).toHaveLength(1);
  } finally {
    await webhooks.stop();
  }
});

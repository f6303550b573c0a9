// TP Wallet's renewal scheduler against a provider that misbehaves on purpose (a fake TP provider
// with its own signing key, e2e/subscriptions/startFakeRenewalProvider.ts): real Chromium, real
// wallet, real dev chain. A renewal above the grant is not paid on its own (the approval window
// says why); a validly signed quote for another recipient is refused; after the browser was
// closed over two periods, only the period due now is paid on return, once.
import { numberToHex, parseUnits } from 'viem';
import type { BrowserContext } from '@playwright/test';
// The policy specs' `test`: the shared fixtures plus E2E_EXTENSION_DIR (a helper's own build).
import { expect, launchWalletContext, test } from './policy/policyTest.ts';
import type { StackInfo, WalletDriver } from './fixtures.ts';
import {
  account0,
  connect,
  merchant,
  openShopPage,
  password,
  policyApprovalWindow,
  readPolicyReasons,
  screenshotDirectory,
  startRequest,
  testMnemonic,
  tokenBalance,
  uiAction,
} from './policy/policyDriver.ts';
import { addIntervals } from '../shared/subscriptions/addIntervals.ts';
import { sendWalletUi } from './subscriptions/sendWalletUi.ts';
import { startFakeRenewalProvider } from './subscriptions/startFakeRenewalProvider.ts';
import type { FakeRenewalProvider } from './subscriptions/startFakeRenewalProvider.ts';

const day = 86_400;
const grantAmount = parseUnits('11', 6);

type Overview = {
  subscriptions: {
    grantId: string;
    status: string | null;
    payments: { periodIndex: number; hash: string | null }[];
    attention: { reason: string } | null;
    isClosed: boolean;
  }[];
};

type RunOverview = Overview & { lastRun?: unknown };

/** The service worker's console from now on (what it logged is shown when a test fails). */
async function recordWorkerConsole(wallet: WalletDriver): Promise<string[]> {
  const lines: string[] = [];
  (await wallet.serviceWorker()).on('console', (message) => {
    lines.push(`${message.type()}: ${message.text()}`);
  });
  return lines;
}

/**
 * Waits for `approval`; if it fails, says what the wallet was doing instead (pending approvals,
 * each subscription's state and attention, the worker's console), so a timeout can be told
 * apart from a renewal that was never asked.
 */
async function explainMissingApproval<Result>(
  wallet: WalletDriver,
  workerLog: readonly string[],
  approval: Promise<Result>,
): Promise<Result> {
  try {
    return await approval;
  } catch (error) {
    const state = await Promise.all([
      uiAction(wallet, 'listApprovals'),
      uiAction(wallet, 'listSubscriptions'),
    ]).catch((reason: unknown) => String(reason));
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nwallet: ${JSON.stringify(state)}\nworker console:\n${workerLog.join('\n')}`,
    );
  }
}

/** Connects the shop page and grants a monthly USDC allowance linked to `fake`. */
async function subscribe(
  context: BrowserContext,
  stack: StackInfo,
  wallet: WalletDriver,
  fake: FakeRenewalProvider,
): Promise<void> {
  const page = await openShopPage(context, stack);
  await connect(page, wallet);
  const request = await startRequest(page, 'wallet_requestExecutionPermissions', [
    {
      chainId: numberToHex(stack.chainId),
      from: account0,
      to: merchant,
      permission: {
        type: 'erc20-token-periodic',
        isAdjustmentAllowed: false,
        data: {
          tokenAddress: stack.tokens.USDC.address,
          periodAmount: numberToHex(grantAmount),
          periodDuration: 28 * day,
          startTime: fake.settings.anchorSeconds,
          justification: 'Fake Club, monthly',
        },
      },
      'tpPay:subscription': {
        version: 1,
        providerUrl: fake.url,
        sessionId: 'cs_fakefirst',
        publishableKey: 'pk_fake',
        interval: 'month',
        intervalCount: 1,
        gracePeriodSeconds: 72 * 3600,
      },
    },
  ]);
  await expect
    .poll(async () => (await wallet.readApproval().catch(() => ({ kind: '' }))).kind)
    .toBe('grant-permissions');
  await wallet.approve();
  expect((await request.outcome()).error).toBeUndefined();
  await page.close();
}

/** Moves the wallet's and the fake provider's clocks to `offsetMs` ahead of real time. */
async function moveTo(wallet: WalletDriver, fake: FakeRenewalProvider, offsetMs: number) {
  fake.offsetMs = offsetMs;
  await uiAction(wallet, 'setClockOffset', { offsetMs });
}

/** The clock offset that puts "now" `extraMs` after `at`. */
function offsetTo(at: Date, extraMs: number): number {
  return at.getTime() + extraMs - Date.now();
}

/** The start of period `months` of a monthly plan anchored at `anchorSeconds` (the wallet's calendar). */
function monthAfter(anchorSeconds: number, months: number): Date {
  return addIntervals({
    anchor: new Date(anchorSeconds * 1000),
    interval: { unit: 'month', count: 1 },
    periods: months,
  });
}

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

test('a renewal above the grant opens the approval window with the reason; declined, it is not asked again', async ({
  context,
  stack,
  wallet,
}) => {
  test.setTimeout(90_000);
  const workerLog = await recordWorkerConsole(wallet);
  const anchorSeconds = Math.floor(Date.now() / 1000) - 60;
  const fake = await startFakeRenewalProvider({
    anchorSeconds,
    subscriber: account0,
    token: stack.tokens.USDC.address,
    amount: parseUnits('12.5', 6),
    recipient: merchant,
  });
  try {
    await subscribe(context, stack, wallet, fake);
    await moveTo(wallet, fake, offsetTo(monthAfter(anchorSeconds, 1), 60_000));
    const run = uiAction<RunOverview>(wallet, 'runSubscriptions');
    const approval = await explainMissingApproval(
      wallet,
      workerLog,
      Promise.race([
        policyApprovalWindow(wallet),
        // The run waits for the user's answer: ending first means the window will never come.
        run.then((overview) => {
          throw new Error(
            `the renewal run ended without asking: ${JSON.stringify(overview.lastRun)}`,
          );
        }),
      ]),
    );
    expect((await wallet.readApproval()).kind).toBe('send-transaction');
    // The window names the renewal (from the wallet's scheduler, not from the page).
    const due = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(
      monthAfter(anchorSeconds, 1),
    );
    await expect(approval.getByTestId('approval-renewal-title')).toHaveText(
      `Subscription renewal · ${new URL(stack.shopUrl).hostname} · period 1 (due ${due})`,
    );
    await expect(approval.getByTestId('approval-renewal-plan')).toHaveText(
      /^Fake Club, monthly · €9\.99\sper month$/,
    );
    await expect(approval.getByTestId('approval-kind').locator('.kind')).toHaveText(
      'Subscription renewal',
    );
    const reasons = await readPolicyReasons(approval);
    expect(reasons.join(' ')).toMatch(
      /payment of 12\.5\sUSDC does not fit the 11\sUSDC you allowed/,
    );
    await approval.screenshot({ path: `${screenshotDirectory}/subscription-above-grant.png` });
    await wallet.reject();
    const overview = await run;
    expect(overview).toBeTruthy();
    const listed = await uiAction<Overview>(wallet, 'listSubscriptions');
    expect(listed.subscriptions[0]?.attention?.reason).toBe('declined');
    expect(listed.subscriptions[0]?.payments).toEqual([]);
    // The next wake-up in the same period does not ask again.
    await uiAction(wallet, 'runSubscriptions');
    expect((await uiAction<{ approvals: unknown[] }>(wallet, 'listApprovals')).approvals).toEqual(
      [],
    );
  } finally {
    await fake.stop();
  }
});

test('a validly signed renewal for another recipient is refused without a window, and nothing is paid', async ({
  context,
  stack,
  wallet,
}) => {
  test.setTimeout(90_000);
  const anchorSeconds = Math.floor(Date.now() / 1000) - 60;
  const thief = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
  const fake = await startFakeRenewalProvider({
    anchorSeconds,
    subscriber: account0,
    token: stack.tokens.USDC.address,
    amount: parseUnits('10', 6),
    recipient: thief,
  });
  try {
    await subscribe(context, stack, wallet, fake);
    const before = await tokenBalance(stack, stack.tokens.USDC.address, thief);
    await moveTo(wallet, fake, offsetTo(monthAfter(anchorSeconds, 1), 60_000));
    await uiAction(wallet, 'runSubscriptions');
    const listed = await uiAction<Overview>(wallet, 'listSubscriptions');
    expect(listed.subscriptions[0]?.attention?.reason).toBe('other-recipient');
    expect(listed.subscriptions[0]?.payments).toEqual([]);
    expect((await uiAction<{ approvals: unknown[] }>(wallet, 'listApprovals')).approvals).toEqual(
      [],
    );
    expect(await tokenBalance(stack, stack.tokens.USDC.address, thief)).toBe(before);
    const popup = await wallet.openPopup();
    await popup.getByTestId('open-subscriptions').click();
    await expect(popup.getByTestId('subscription-attention')).toHaveAttribute(
      'data-reason',
      'other-recipient',
    );
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.screenshot({ path: `${screenshotDirectory}/subscriptions-refused.png` });
    await popup.close();
  } finally {
    await fake.stop();
  }
});

test('browser closed over two periods: on return only the period due now is paid, once; a stale period is not paid', async ({
  context,
  profileDir,
  stack,
  wallet,
}) => {
  test.setTimeout(120_000);
  const anchorSeconds = Math.floor(Date.now() / 1000) - 60;
  const fake = await startFakeRenewalProvider({
    anchorSeconds,
    subscriber: account0,
    token: stack.tokens.USDC.address,
    amount: parseUnits('10', 6),
    recipient: merchant,
  });
  let reopened: BrowserContext | undefined;
  try {
    await subscribe(context, stack, wallet, fake);
    const before = await tokenBalance(stack, stack.tokens.USDC.address, merchant);
    await context.close();
    // Two months and an hour later (period 1's grace is long over, period 2 is due).
    const offsetMs = offsetTo(monthAfter(anchorSeconds, 2), 3_600_000);
    fake.offsetMs = offsetMs;
    reopened = await launchWalletContext(stack.extensionDir, profileDir);
    const worker = reopened.serviceWorkers()[0] ?? (await reopened.waitForEvent('serviceworker'));
    const popup = await reopened.newPage();
    await popup.goto(
      `chrome-extension://${new URL(worker.url()).host}/extension/ui/popup/popup.html`,
    );
    const send = <Result>(action: string, params: Record<string, unknown> = {}): Promise<Result> =>
      sendWalletUi<Result>(popup, action, params);
    await send('setClockOffset', { offsetMs });
    // Unlocking runs the scheduler: nothing else needed.
    await popup.getByTestId('unlock-password').fill(password);
    await popup.getByTestId('unlock-submit').click();
    await expect
      .poll(async () => (await send<Overview>('listSubscriptions')).subscriptions[0]?.payments, {
        timeout: 30_000,
      })
      .toEqual([expect.objectContaining({ periodIndex: 2, hash: expect.stringMatching(/^0x/) })]);
    await expect
      .poll(() => tokenBalance(stack, stack.tokens.USDC.address, merchant), { timeout: 20_000 })
      .toBe(before + parseUnits('10', 6));
    // More wake-ups in the same period, and the provider pushing the missed period 1: no more.
    await send('runSubscriptions');
    fake.settings = { ...fake.settings, periodIndexOverride: 1 };
    await send('runSubscriptions');
    const listed = await send<Overview>('listSubscriptions');
    // Period 2 is paid: nothing else is payable before period 3, whatever the provider says.
    expect(listed.subscriptions[0]?.payments).toHaveLength(1);
    expect(await tokenBalance(stack, stack.tokens.USDC.address, merchant)).toBe(
      before + parseUnits('10', 6),
    );
  } finally {
    await reopened?.close();
    await fake.stop();
  }
});

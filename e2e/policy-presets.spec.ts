import { parseUnits } from 'viem';
import type { Hex } from 'viem';
import { expect, test } from './policy/policyTest.ts';
import {
  connect,
  expectMined,
  merchant,
  openShopPage,
  password,
  pendingApprovals,
  policyApprovalWindow,
  readPolicyReasons,
  screenshotDirectory,
  startRequest,
  testMnemonic,
  tokenBalance,
  transferCall,
  uiAction,
} from './policy/policyDriver.ts';

// The presets a user picks per site, driven through the real extension against the dev chain:
// "Trusted shop" pays small amounts automatically and asks past its daily cap.

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

test('a site under "Trusted shop" pays twice automatically; the payment that would pass the daily cap opens the approval window', async ({
  context,
  stack,
  wallet,
}) => {
  const page = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(page, wallet);
  const overview = await uiAction<{ sites: { origin: string; preset: string }[] }>(
    wallet,
    'listSites',
  );
  // A new site asks every time.
  expect(overview.sites.find((site) => site.origin === origin)?.preset).toBe('ask');
  await uiAction(wallet, 'setSitePreset', { origin, preset: 'trusted-shop' });

  const eurc = stack.tokens.EURC.address;
  const balanceBefore = await tokenBalance(stack, eurc, merchant);
  // The first payment to a recipient the site never paid asks, whatever the amount.
  const first = await startRequest(page, 'eth_sendTransaction', [
    transferCall(eurc, merchant, parseUnits('5', 6)),
  ]);
  const firstWindow = await policyApprovalWindow(wallet);
  expect((await readPolicyReasons(firstWindow)).join(' ')).toContain('never paid');
  await wallet.approve();
  const firstHash = (await first.outcome()).result as Hex;
  expect(await expectMined(stack, firstHash)).toBe('success');
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

  // Two payments of 20.00 EURC (20.00 € each, within 20 per payment and 50 per day): automatic.
  for (let index = 0; index < 2; index += 1) {
    const auto = await startRequest(page, 'eth_sendTransaction', [
      transferCall(eurc, merchant, parseUnits('20', 6)),
    ]);
    const outcome = await auto.outcome();
    expect(outcome.error).toBeUndefined();
    expect(await expectMined(stack, outcome.result as Hex)).toBe('success');
    expect(await pendingApprovals(wallet)).toEqual([]);
  }
  expect((await tokenBalance(stack, eurc, merchant)) - balanceBefore).toBe(parseUnits('45', 6));

  // 45 € spent today: 20 more would pass 50, so the window opens and says why.
  const third = await startRequest(page, 'eth_sendTransaction', [
    transferCall(eurc, merchant, parseUnits('20', 6)),
  ]);
  const approval = await policyApprovalWindow(wallet);
  const reasons = await readPolicyReasons(approval);
  expect(reasons.join(' ')).toMatch(/would pass your .*50.* daily limit for 127\.0\.0\.1/);
  expect(reasons.join(' ')).toMatch(/45/);
  await approval.screenshot({ path: `${screenshotDirectory}/policy-daily-cap-en-light.png` });
  await wallet.reject();
  expect((await third.outcome()).error?.code).toBe(4001);

  // The automatic payments were announced and logged.
  const worker = await wallet.serviceWorker();
  const notifications = await worker.evaluate(() => chrome.notifications.getAll());
  expect(Object.keys(notifications)).toContain(`tp-auto-payment|${origin}`);
  const { entries } = await uiAction<{
    entries: { status: string; approval: string; decision: { action: string } }[];
  }>(wallet, 'listActivity', { origin });
  expect(entries.map((entry) => `${entry.approval}:${entry.status}`)).toEqual([
    'none:rejected',
    'auto:confirmed',
    'auto:confirmed',
    'confirmed:confirmed',
  ]);
});

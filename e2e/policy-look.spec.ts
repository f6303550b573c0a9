import { numberToHex, parseUnits } from 'viem';
import type { Page } from '@playwright/test';
import { expect, test } from './policy/policyTest.ts';
import {
  automaticPolicy,
  connect,
  merchant,
  openShopPage,
  password,
  screenshotDirectory,
  startRequest,
  testMnemonic,
  transferCall,
  uiAction,
} from './policy/policyDriver.ts';

// What the approval window shows for the spending policy, in each language and color scheme:
// the decision's reasons with the caps left, and an ERC-7715 grant in plain words. The
// screenshots are for people to look at; the assertions check the words.

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

/** The window as the worker opens it (400 × 640), in both color schemes. */
async function capture(approval: Page, name: string): Promise<void> {
  await approval.setViewportSize({ width: 400, height: 640 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await approval.emulateMedia({ colorScheme });
    await approval.screenshot({ path: `${screenshotDirectory}/${name}-${colorScheme}.png` });
  }
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`the approval window explains the policy (${locale})`, async ({
    context,
    stack,
    wallet,
  }) => {
    const popup = await wallet.openPopup();
    await popup.evaluate((chosen) => {
      localStorage.setItem('tp-wallet.locale', chosen);
    }, locale);
    const page = await openShopPage(context, stack);
    const origin = new URL(stack.shopUrl).origin;
    await connect(page, wallet);
    await uiAction(wallet, 'setSitePolicy', {
      origin,
      policy: automaticPolicy([
        { window: 'transaction', amount: '4000' },
        { window: 'day', amount: '5000' },
      ]),
    });
    const eurc = stack.tokens.EURC.address;
    const paid = await (
      await startRequest(page, 'eth_sendTransaction', [
        transferCall(eurc, merchant, parseUnits('12', 6)),
      ])
    ).outcome();
    expect(paid.error).toBeUndefined();

    const over = await startRequest(page, 'eth_sendTransaction', [
      transferCall(eurc, merchant, parseUnits('39', 6)),
    ]);
    const approval = await wallet.approvalWindow();
    await approval.getByTestId('approval-policy').waitFor();
    await expect(approval.getByTestId('approval-policy-reason').first()).toContainText(/50[.,]00/);
    await capture(approval, `policy-reasons-${locale}`);
    await wallet.reject();
    expect((await over.outcome()).error?.code).toBe(4001);

    const now = Math.floor(Date.now() / 1000);
    const grant = await startRequest(page, 'wallet_requestExecutionPermissions', [
      {
        chainId: numberToHex(stack.chainId),
        to: merchant,
        permission: {
          type: 'erc20-token-periodic',
          isAdjustmentAllowed: true,
          data: {
            tokenAddress: eurc,
            periodAmount: numberToHex(parseUnits('10', 6)),
            periodDuration: 30 * 86_400,
            startTime: now,
            justification: 'Coffee club, monthly plan',
          },
        },
        rules: [{ type: 'expiry', data: { timestamp: now + 180 * 86_400 } }],
      },
    ]);
    const grantWindow = await wallet.approvalWindow();
    await expect(grantWindow.getByTestId('approval-grant-sentence')).toContainText(
      locale === 'en' ? 'may take up to 10 EURC every 30 days until' : '可每 30 天最多收取 10 EURC',
    );
    await capture(grantWindow, `policy-grant-${locale}`);
    await wallet.reject();
    expect((await grant.outcome()).error?.code).toBe(4001);
  });
}

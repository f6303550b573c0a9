import { numberToHex, parseUnits } from 'viem';
import type { Hex } from 'viem';
import { expect, test } from './policy/policyTest.ts';
import {
  automaticPolicy,
  connect,
  expectMined,
  merchant,
  openShopPage,
  password,
  policyApprovalWindow,
  readPolicyReasons,
  screenshotDirectory,
  startRequest,
  testMnemonic,
  transferCall,
  uiAction,
} from './policy/policyDriver.ts';

// ERC-7715 permissions a site asks for (wallet_requestExecutionPermissions), shown in plain words
// and lowered by the user; payments that fit them are automatic; listed and revoked through
// wallet_getPermissions / wallet_revokePermissions. Also step-up (the password) and block.

const day = 86_400;

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

test('a site asks for a monthly allowance; the user lowers it; payments that fit are automatic, others refused; revoking stops them', async ({
  context,
  stack,
  wallet,
}) => {
  const page = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(page, wallet);
  await uiAction(wallet, 'setSitePreset', { origin, preset: 'subscriptions' });
  const eurc = stack.tokens.EURC.address;
  const now = Math.floor(Date.now() / 1000);
  const request = await startRequest(page, 'wallet_requestExecutionPermissions', [
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
  const approval = await wallet.approvalWindow();
  const sentence = approval.getByTestId('approval-grant-sentence');
  await expect(sentence).toContainText('127.0.0.1 may take up to 10 EURC every 30 days until');
  await approval.setViewportSize({ width: 400, height: 640 });
  await approval.screenshot({ path: `${screenshotDirectory}/policy-grant-en-light.png` });
  await approval.getByTestId('approval-grant-amount').fill('5');
  await expect(sentence).toContainText('may take up to 5 EURC every 30 days');
  await wallet.approve();
  const granted = await request.outcome();
  expect(granted.error).toBeUndefined();
  const [permission] = granted.result as {
    context: Hex;
    permission: { type: string; data: { periodAmount: Hex } };
  }[];
  expect(permission?.permission.type).toBe('erc20-token-periodic');
  expect(permission?.permission.data.periodAmount).toBe(numberToHex(parseUnits('5', 6)));
  const context7715 = permission?.context ?? '0x';

  // Fits the grant: paid without a window.
  const fits = await (
    await startRequest(page, 'eth_sendTransaction', [
      transferCall(eurc, merchant, parseUnits('5', 6)),
    ])
  ).outcome();
  expect(fits.error).toBeUndefined();
  expect(await expectMined(stack, fits.result as Hex)).toBe('success');

  // Past this period's 5 EURC: "Subscriptions only" refuses it with the reason.
  const beyond = await (
    await startRequest(page, 'eth_sendTransaction', [
      transferCall(eurc, merchant, parseUnits('1', 6)),
    ])
  ).outcome();
  expect(beyond.error?.code).toBe(4100);
  expect(beyond.error?.message).toContain('may only take payments you granted it');

  const permissions = (await (await startRequest(page, 'wallet_getPermissions')).outcome())
    .result as { parentCapability: string; id?: string }[];
  expect(permissions.map((entry) => entry.parentCapability)).toEqual([
    'eth_accounts',
    'wallet_requestExecutionPermissions',
  ]);
  expect(permissions[1]?.id).toBe(context7715);
  const { sites } = await uiAction<{
    sites: { origin: string; grants: { id: string; used: string; remaining: string }[] }[];
  }>(wallet, 'listSites');
  const grant = sites.find((site) => site.origin === origin)?.grants[0];
  expect(grant).toMatchObject({ id: context7715, used: '5000000', remaining: '0' });

  const revoked = await (
    await startRequest(page, 'wallet_revokePermissions', [
      { wallet_requestExecutionPermissions: { context: context7715 } },
    ])
  ).outcome();
  expect(revoked.error).toBeUndefined();
  expect(
    (await (await startRequest(page, 'wallet_getGrantedExecutionPermissions')).outcome()).result,
  ).toEqual([]);
  // Still connected: revoking the grant leaves eth_accounts alone.
  expect((await (await startRequest(page, 'eth_accounts')).outcome()).result).toHaveLength(1);
});

test('an unknown permission type gets a clear error and changes nothing', async ({
  context,
  stack,
  wallet,
}) => {
  const page = await openShopPage(context, stack);
  await connect(page, wallet);
  const outcome = await (
    await startRequest(page, 'wallet_grantPermissions', [
      {
        chainId: numberToHex(stack.chainId),
        to: merchant,
        permission: {
          type: 'erc20-token-stream',
          isAdjustmentAllowed: true,
          data: { tokenAddress: stack.tokens.EURC.address, amountPerSecond: '0x1' },
        },
      },
    ])
  ).outcome();
  expect(outcome.error?.code).toBe(-32602);
  expect(outcome.error?.message).toContain(
    'does not grant the permission type "erc20-token-stream"',
  );
  expect(outcome.error?.message).toContain('erc20-token-periodic');
  expect(
    (await (await startRequest(page, 'wallet_getGrantedExecutionPermissions')).outcome()).result,
  ).toEqual([]);
});

test('step-up: past a cap the policy marks "ask with password", approving needs the right password', async ({
  context,
  stack,
  wallet,
}) => {
  const page = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(page, wallet);
  await uiAction(wallet, 'setSitePolicy', {
    origin,
    policy: automaticPolicy([{ window: 'transaction', amount: '500', whenExceeded: 'step-up' }]),
  });
  const request = await startRequest(page, 'eth_sendTransaction', [
    transferCall(stack.tokens.EURC.address, merchant, parseUnits('10', 6)),
  ]);
  const approval = await policyApprovalWindow(wallet);
  expect((await readPolicyReasons(approval)).join(' ')).toContain('password');
  await expect(approval.getByTestId('approval-approve')).toBeDisabled();
  await approval.getByTestId('approval-password').fill('not the password');
  await approval.getByTestId('approval-approve').click();
  await expect(approval.getByTestId('approval-error')).toBeVisible({ timeout: 20_000 });
  await approval.setViewportSize({ width: 400, height: 640 });
  await approval.screenshot({ path: `${screenshotDirectory}/policy-step-up-en-light.png` });
  await approval.getByTestId('approval-password').fill(password);
  await wallet.approve();
  const outcome = await request.outcome();
  expect(outcome.error).toBeUndefined();
  expect(await expectMined(stack, outcome.result as Hex)).toBe('success');
  const { entries } = await uiAction<{ entries: { approval: string }[] }>(wallet, 'listActivity', {
    origin,
  });
  expect(entries[0]?.approval).toBe('password');
});

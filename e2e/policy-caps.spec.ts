import { erc20Abi, maxUint256, parseUnits } from 'viem';
import type { Hex } from 'viem';
import { expect, test } from './policy/policyTest.ts';
import {
  account0,
  automaticPolicy,
  chainClient,
  connect,
  expectMined,
  merchant,
  openShopPage,
  password,
  pendingApprovals,
  policyApprovalWindow,
  readPolicyReasons,
  screenshotDirectory,
  sendConcurrently,
  startRequest,
  testMnemonic,
  tokenBalance,
  transferCall,
  uiAction,
} from './policy/policyDriver.ts';

// Caps that can never be exceeded: concurrent requests from two tabs, the kill switch, permits
// counted as spending, unlimited approvals never automatic. Real extension, real dev chain.

test.beforeEach(async ({ wallet }) => {
  await wallet.onboard({ mnemonic: testMnemonic, password });
});

test('20 concurrent payments from two tabs of one site against a cap that fits 10: exactly 10 are paid automatically', async ({
  context,
  stack,
  wallet,
}) => {
  const first = await openShopPage(context, stack);
  const second = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(first, wallet);
  // 10.00 € a day, automatic below it; past it the window asks.
  await uiAction(wallet, 'setSitePolicy', {
    origin,
    policy: automaticPolicy([{ window: 'day', amount: '1000' }]),
  });
  const eurc = stack.tokens.EURC.address;
  const balanceBefore = await tokenBalance(stack, eurc, merchant);
  const payment = [transferCall(eurc, merchant, parseUnits('1', 6))];
  const tabs = [first, second].map((page) =>
    sendConcurrently(
      page,
      'eth_sendTransaction',
      Array.from({ length: 10 }, () => payment),
    ),
  );
  // The 10 that do not fit wait for the user; nothing else may be paid meanwhile.
  await expect
    .poll(async () => (await pendingApprovals(wallet)).length, { timeout: 30_000 })
    .toBe(10);
  const waiting = await pendingApprovals(wallet);
  expect(waiting.every((request) => request.details.policy?.decision.action === 'confirm')).toBe(
    true,
  );
  await (await wallet.approvalWindow()).close();
  const outcomes = (await Promise.all(tabs)).flat();
  const paid = outcomes.filter((outcome) => outcome.result !== undefined);
  const refused = outcomes.filter((outcome) => outcome.error?.code === 4001);
  expect(paid).toHaveLength(10);
  expect(refused).toHaveLength(10);
  for (const outcome of paid)
    expect(await expectMined(stack, outcome.result as Hex)).toBe('success');
  expect((await tokenBalance(stack, eurc, merchant)) - balanceBefore).toBe(parseUnits('10', 6));
  const { sites } = await uiAction<{
    sites: { origin: string; spent: { window: string; value: string }[] }[];
  }>(wallet, 'listSites');
  const spentToday = sites
    .find((site) => site.origin === origin)
    ?.spent.find((entry) => entry.window === 'day')?.value;
  expect(spentToday).toBe('1000');
});

test('the kill switch stops the very next automatic payment', async ({
  context,
  stack,
  wallet,
}) => {
  const page = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(page, wallet);
  await uiAction(wallet, 'setSitePolicy', {
    origin,
    policy: automaticPolicy([{ window: 'day', amount: '5000' }]),
  });
  const eurc = stack.tokens.EURC.address;
  const pay = () =>
    startRequest(page, 'eth_sendTransaction', [transferCall(eurc, merchant, parseUnits('1', 6))]);

  const before = await (await pay()).outcome();
  expect(before.error).toBeUndefined();

  await uiAction(wallet, 'setKillSwitch', { isFrozen: true });
  const frozen = await pay();
  const approval = await policyApprovalWindow(wallet);
  expect((await readPolicyReasons(approval)).join(' ')).toContain('frozen');
  await wallet.reject();
  expect((await frozen.outcome()).error?.code).toBe(4001);
  expect((await uiAction<{ isFrozen: boolean }>(wallet, 'listSites')).isFrozen).toBe(true);

  await uiAction(wallet, 'setKillSwitch', { isFrozen: false });
  const after = await (await pay()).outcome();
  expect(after.error).toBeUndefined();
  expect(await expectMined(stack, after.result as Hex)).toBe('success');
});

test('a permit signature counts against the cap: the transfer after it asks', async ({
  context,
  stack,
  wallet,
}) => {
  const page = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(page, wallet);
  await uiAction(wallet, 'setSitePolicy', {
    origin,
    policy: automaticPolicy([{ window: 'day', amount: '5000' }]),
  });
  const eurc = stack.tokens.EURC.address;
  const permit = {
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    },
    primaryType: 'Permit',
    domain: { name: 'Euro Coin', version: '1', chainId: stack.chainId, verifyingContract: eurc },
    message: {
      owner: account0,
      spender: merchant,
      value: parseUnits('40', 6).toString(),
      nonce: 0,
      deadline: '1900000000',
    },
  };
  // 40 € of permit fits the 50 € daily cap: signed without a window, and counted.
  const signed = await (
    await startRequest(page, 'eth_signTypedData_v4', [account0, JSON.stringify(permit)])
  ).outcome();
  expect(signed.error).toBeUndefined();
  expect(signed.result).toMatch(/^0x[0-9a-f]{130}$/);

  const transfer = await startRequest(page, 'eth_sendTransaction', [
    transferCall(eurc, merchant, parseUnits('20', 6)),
  ]);
  const approval = await policyApprovalWindow(wallet);
  const reasons = (await readPolicyReasons(approval)).join(' ');
  expect(reasons).toMatch(/would pass your .*50.* daily limit/);
  expect(reasons).toMatch(/40\.00 already used/);
  await wallet.reject();
  expect((await transfer.outcome()).error?.code).toBe(4001);
  const { entries } = await uiAction<{ entries: { method: string; status: string }[] }>(
    wallet,
    'listActivity',
    { origin },
  );
  expect(entries.map((entry) => `${entry.method}:${entry.status}`)).toEqual([
    'eth_sendTransaction:rejected',
    'eth_signTypedData_v4:signed',
  ]);
});

test('an unlimited approve is never automatic; the window lowers it to a cap that is what gets signed', async ({
  context,
  stack,
  wallet,
}) => {
  const page = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(page, wallet);
  // Generous caps: the only thing that can stop this approval is that it is unlimited.
  await uiAction(wallet, 'setSitePolicy', {
    origin,
    policy: automaticPolicy([{ window: 'day', amount: '100000000' }]),
  });
  const eurc = stack.tokens.EURC.address;
  const spender = stack.accounts[3]?.address ?? merchant;
  const request = await startRequest(page, 'eth_sendTransaction', [
    {
      from: account0,
      to: eurc,
      data: (await import('viem')).encodeFunctionData({
        abi: erc20Abi,
        functionName: 'approve',
        args: [spender, maxUint256],
      }),
    },
  ]);
  const approval = await policyApprovalWindow(wallet);
  expect((await readPolicyReasons(approval)).join(' ')).toContain('never made automatically');
  await approval.getByTestId('approval-cap-amount').fill('100');
  await approval.screenshot({ path: `${screenshotDirectory}/policy-unlimited-cap-en-light.png` });
  await wallet.approve();
  const outcome = await request.outcome();
  expect(outcome.error).toBeUndefined();
  expect(await expectMined(stack, outcome.result as Hex)).toBe('success');
  const allowance = await chainClient(stack).readContract({
    address: eurc,
    abi: erc20Abi,
    functionName: 'allowance',
    args: [account0, spender],
  });
  expect(allowance).toBe(parseUnits('100', 6));
});

test('what was spent survives a service-worker restart: the payment after it still counts it', async ({
  context,
  stack,
  wallet,
}) => {
  const page = await openShopPage(context, stack);
  const origin = new URL(stack.shopUrl).origin;
  await connect(page, wallet);
  await uiAction(wallet, 'setSitePolicy', {
    origin,
    policy: automaticPolicy([{ window: 'day', amount: '1000' }]),
  });
  const eurc = stack.tokens.EURC.address;
  const paid = await (
    await startRequest(page, 'eth_sendTransaction', [
      transferCall(eurc, merchant, parseUnits('6', 6)),
    ])
  ).outcome();
  expect(paid.error).toBeUndefined();
  // The browser stops the idle worker: its memory (and any in-flight polling) is gone.
  await wallet.stopServiceWorker();
  const next = await startRequest(page, 'eth_sendTransaction', [
    transferCall(eurc, merchant, parseUnits('6', 6)),
  ]);
  const approval = await policyApprovalWindow(wallet);
  expect((await readPolicyReasons(approval)).join(' ')).toMatch(/6\.00 already used/);
  await wallet.reject();
  expect((await next.outcome()).error?.code).toBe(4001);
  // The restarted worker follows the first payment to its receipt.
  await expect
    .poll(async () => {
      const { entries } = await uiAction<{ entries: { status: string; approval: string }[] }>(
        wallet,
        'listActivity',
        { origin },
      );
      return entries.find((entry) => entry.approval === 'auto')?.status;
    })
    .toBe('confirmed');
});

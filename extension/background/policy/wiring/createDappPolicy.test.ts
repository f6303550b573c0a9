import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, erc20Abi, keccak256, maxUint256, numberToHex, parseUnits } from 'viem';
import type { Address, Hex } from 'viem';
import { devChainTokens } from '../../../../shared/chains/devChainTokens.ts';
import { ProviderRpcError } from '../../../../shared/errors/ProviderRpcError.ts';
import type { PolicyPromptView } from '../../../../shared/protocol/approvalMessages.ts';
import { describeTransaction } from '../../decode/describeTransaction.ts';
import type { ApprovedDecision, SpendingInput } from '../../dapp/DappPolicy.ts';
import type { WalletNetwork } from '../../dapp/NetworkStore.ts';
import { createMemoryStorageArea } from '../../wallet/StorageArea.ts';
import { PolicyController } from './PolicyController.ts';
import type { AutoPaymentNotice } from './createDappPolicy.ts';
import { createDappPolicy } from './createDappPolicy.ts';
import { createPriceSource } from './createPriceSource.ts';

const origin = 'https://shop.example';
const from: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const merchant: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const eurc = devChainTokens[1]?.address as Address;
const network: WalletNetwork = {
  chainId: 31337,
  name: 'dev',
  rpcUrls: ['http://127.0.0.1:8545'],
  nativeSymbol: 'ETH',
  tokens: devChainTokens,
};
const clock = { at: Date.parse('2026-03-02T10:00:00Z') };
const now = () => new Date(clock.at);

async function setUp() {
  const controller = new PolicyController({
    local: createMemoryStorageArea(),
    now,
    prices: createPriceSource({ now }),
    ledgerName: `ledger-${crypto.randomUUID()}`,
    activityName: `activity-${crypto.randomUUID()}`,
  });
  await controller.ready();
  const notices: AutoPaymentNotice[] = [];
  let watched = 0;
  const policy = createDappPolicy({
    controller,
    watchReceipts: () => {
      watched += 1;
    },
    notify: (notice) => notices.push(notice),
    now,
  });
  return { controller, policy, notices, watched: () => watched };
}

function payment(amount: bigint, to: Address = merchant, token: Address = eurc): SpendingInput {
  const transaction = {
    to: token,
    value: 0n,
    data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }),
  };
  return {
    kind: 'transaction',
    transaction,
    maxNetworkFee: 100_000_000_000_000n,
    action: describeTransaction({ transaction, knownTokens: devChainTokens }),
  };
}

/** The user in the window: records what it was shown and answers. */
function user(answer: Partial<ApprovedDecision> | 'reject' = {}) {
  const shown: PolicyPromptView[] = [];
  return {
    shown,
    ask: (prompt: PolicyPromptView) => {
      shown.push(prompt);
      return answer === 'reject'
        ? Promise.reject(new ProviderRpcError('userRejected', 'The user rejected the request.'))
        : Promise.resolve({ approved: true as const, ...answer });
    },
  };
}

const automatic = (amount: string, whenExceeded = 'confirm') => ({
  preset: 'custom',
  payments: 'auto',
  unprovable: 'confirm',
  limits: [{ window: 'day', unit: { kind: 'fiat' }, amount, whenExceeded }],
  whenNotAllowed: 'block',
  confirmNewRecipients: false,
  grants: [],
});

let nonce = 0;
async function pay(
  policy: Awaited<ReturnType<typeof setUp>>['policy'],
  amount: bigint,
  ask = user().ask,
) {
  const authorization = await policy.authorize({
    origin,
    method: 'eth_sendTransaction',
    from,
    network,
    input: payment(amount),
    ask,
  });
  nonce += 1;
  const hash: Hex = keccak256(numberToHex(nonce));
  await authorization.attach({ hash, nonce });
  await authorization.sent(hash);
  return { authorization, hash };
}

describe('createDappPolicy', () => {
  it('a new site asks every time: the window opens with the preset named as the reason', async () => {
    const { policy } = await setUp();
    const asked = user();
    const { authorization } = await pay(policy, parseUnits('5', 6), asked.ask);
    expect(authorization.approval).toBe('confirmed');
    expect(asked.shown[0]?.decision.action).toBe('confirm');
    expect(asked.shown[0]?.decision.reasons).toContainEqual(
      expect.objectContaining({ rule: 'site-payments', preset: 'ask' }),
    );
  });

  it('pays within the cap without a window, announces it and follows the receipt', async () => {
    const { controller, policy, notices, watched } = await setUp();
    await controller.setSitePolicy(origin, automatic('5000'));
    const asked = user();
    const { authorization } = await pay(policy, parseUnits('20', 6), asked.ask);
    expect(authorization.approval).toBe('auto');
    expect(asked.shown).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(watched()).toBe(1);
    const { entries } = await controller.activity.list({ limit: 5 });
    expect(entries[0]).toMatchObject({ approval: 'auto', status: 'pending' });
  });

  it('never lets concurrent requests pass a cap together: exactly the ones that fit are automatic', async () => {
    const { controller, policy } = await setUp();
    // 10.00 € a day; past it, refused outright so nothing waits on a window.
    await controller.setSitePolicy(origin, automatic('1000', 'block'));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, () => pay(policy, parseUnits('1', 6))),
    );
    const paid = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter(
      (outcome) =>
        outcome.status === 'rejected' && (outcome.reason as ProviderRpcError).rpcCode === 4100,
    );
    expect(paid).toHaveLength(10);
    expect(refused).toHaveLength(15);
  });

  it('blocks with 4100 and says why, and logs the refusal', async () => {
    const { controller, policy } = await setUp();
    await controller.setSitePreset({ origin, preset: 'subscriptions' });
    const error = await pay(policy, parseUnits('1', 6)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderRpcError);
    expect((error as ProviderRpcError).rpcCode).toBe(4100);
    expect((error as ProviderRpcError).shortMessage).toContain(
      'shop.example may only take payments you granted it',
    );
    const { entries } = await controller.activity.list({ limit: 1 });
    expect(entries[0]).toMatchObject({ status: 'blocked', decision: { action: 'block' } });
  });

  it('releases the reservation when signing fails, so the cap is free again', async () => {
    const { controller, policy } = await setUp();
    await controller.setSitePolicy(origin, automatic('1000', 'block'));
    const authorization = await policy.authorize({
      origin,
      method: 'eth_sendTransaction',
      from,
      network,
      input: payment(parseUnits('10', 6)),
      ask: user().ask,
    });
    await authorization.fail(new Error('the keyring said no'));
    const { authorization: again } = await pay(policy, parseUnits('10', 6));
    expect(again.approval).toBe('auto');
  });

  it('a replacement (same nonce) is counted once', async () => {
    const { controller, policy } = await setUp();
    await controller.setSitePolicy(origin, automatic('5000'));
    const authorize = () =>
      policy.authorize({
        origin,
        method: 'eth_sendTransaction',
        from,
        network,
        input: payment(parseUnits('6', 6)),
        ask: user().ask,
      });
    const first = await authorize();
    await first.attach({ hash: keccak256('0x01'), nonce: 500 });
    const speedUp = await authorize();
    await speedUp.attach({ hash: keccak256('0x02'), nonce: 500 });
    const spentToday = controller.ledger.view.fiatSince(
      { kind: 'site', origin },
      clock.at - 86_400_000,
      'EUR',
    ).value;
    expect(spentToday).toBe(600n);
  });

  it('an unlimited approval always asks; the lowered amount is what gets signed', async () => {
    const { controller, policy } = await setUp();
    await controller.setSitePolicy(origin, automatic('100000000'));
    const transaction = {
      to: eurc,
      value: 0n,
      data: encodeFunctionData({
        abi: erc20Abi,
        functionName: 'approve',
        args: [merchant, maxUint256],
      }),
    };
    const asked = user({ approvalAmount: parseUnits('100', 6).toString() });
    const authorization = await policy.authorize({
      origin,
      method: 'eth_sendTransaction',
      from,
      network,
      input: {
        kind: 'transaction',
        transaction,
        maxNetworkFee: 0n,
        action: describeTransaction({ transaction, knownTokens: devChainTokens }),
      },
      ask: asked.ask,
    });
    expect(asked.shown[0]?.unlimitedApproval?.suggestedAmount).toBe('100000000');
    expect(authorization.data).toBe(
      encodeFunctionData({
        abi: erc20Abi,
        functionName: 'approve',
        args: [merchant, parseUnits('100', 6)],
      }),
    );
  });

  it('step-up asks for the password through the window', async () => {
    const { controller, policy } = await setUp();
    await controller.setSitePolicy(origin, {
      ...automatic('100000'),
      limits: [
        { window: 'transaction', unit: { kind: 'fiat' }, amount: '500', whenExceeded: 'step-up' },
      ],
    });
    const asked = user();
    const { authorization } = await pay(policy, parseUnits('10', 6), asked.ask);
    expect(asked.shown[0]?.requiresPassword).toBe(true);
    expect(authorization.approval).toBe('password');
  });

  it('grants an ERC-7715 allowance as the user lowered it; a payment that fits is automatic', async () => {
    const { controller, policy } = await setUp();
    await controller.setSitePreset({ origin, preset: 'subscriptions' });
    const start = Math.floor(clock.at / 1000);
    const result = await policy.requestPermissions({
      origin,
      method: 'wallet_requestExecutionPermissions',
      params: [
        {
          chainId: '0x7a69',
          to: merchant,
          permission: {
            type: 'erc20-token-periodic',
            isAdjustmentAllowed: true,
            data: {
              tokenAddress: eurc,
              periodAmount: numberToHex(parseUnits('10', 6)),
              periodDuration: 2_592_000,
              startTime: start,
            },
          },
          rules: [{ type: 'expiry', data: { timestamp: start + 40 * 86_400 } }],
        },
      ],
      accounts: [from],
      findNetwork: () => Promise.resolve(network),
      ask: (details) => {
        expect(details.permissions[0]).toMatchObject({
          amount: '10000000',
          periodSeconds: 2_592_000,
          token: { symbol: 'EURC', decimals: 6 },
        });
        return Promise.resolve({
          approved: true,
          grants: [{ amount: parseUnits('4', 6).toString(), endTime: start + 10 * 86_400 }],
        });
      },
    });
    const granted = result[0] as { context: string; rules: { data: { timestamp: number } }[] };
    expect(granted.rules).toContainEqual(
      expect.objectContaining({ data: { timestamp: start + 10 * 86_400 } }),
    );
    expect(controller.state.sites.get(origin)?.grants[0]).toMatchObject({
      id: granted.context,
      amount: parseUnits('4', 6),
    });
    const { authorization } = await pay(policy, parseUnits('4', 6));
    expect(authorization.approval).toBe('auto');
    await expect(pay(policy, parseUnits('1', 6))).rejects.toMatchObject({ rpcCode: 4100 });
  });

  it('refuses an allowance raised above what the site asked for', async () => {
    const { policy } = await setUp();
    const start = Math.floor(clock.at / 1000);
    await expect(
      policy.requestPermissions({
        origin,
        method: 'wallet_grantPermissions',
        params: [
          {
            chainId: '0x7a69',
            to: merchant,
            permission: {
              type: 'native-token-allowance',
              isAdjustmentAllowed: true,
              data: { allowanceAmount: '0x10', startTime: start },
            },
          },
        ],
        accounts: [from],
        findNetwork: () => Promise.resolve(network),
        ask: () => Promise.resolve({ approved: true, grants: [{ amount: '17' }] }),
      }),
    ).rejects.toMatchObject({ rpcCode: -32602 });
  });

  it('an unknown permission type is -32602 naming what is supported', async () => {
    const { policy } = await setUp();
    await expect(
      policy.requestPermissions({
        origin,
        method: 'wallet_requestExecutionPermissions',
        params: [
          {
            chainId: '0x7a69',
            to: merchant,
            permission: { type: 'native-token-stream', data: {} },
          },
        ],
        accounts: [from],
        findNetwork: () => Promise.resolve(network),
        ask: () => Promise.reject(new Error('must not ask')),
      }),
    ).rejects.toMatchObject({
      rpcCode: -32602,
      shortMessage: expect.stringContaining('native-token-stream') as unknown,
    });
  });
});

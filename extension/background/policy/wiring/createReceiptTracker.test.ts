import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPublicClient,
  encodeFunctionData,
  erc20Abi,
  http,
  keccak256,
  parseUnits,
} from 'viem';
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { PrivateKeyAccount } from 'viem/accounts';
import { devChainTokens } from '../../../../shared/chains/devChainTokens.ts';
import { deployTestTokens } from '../../../../scripts/contracts/deployTestTokens.ts';
import { startDevChain } from '../../../../scripts/devChain/startDevChain.ts';
import type { StartDevChainReturnType } from '../../../../scripts/devChain/startDevChain.ts';
import { describeTransaction } from '../../decode/describeTransaction.ts';
import type { WalletNetwork } from '../../dapp/NetworkStore.ts';
import { createMemoryStorageArea } from '../../wallet/StorageArea.ts';
import { PolicyController } from './PolicyController.ts';
import { createDappPolicy } from './createDappPolicy.ts';
import { createPriceSource } from './createPriceSource.ts';
import { createReceiptTracker } from './createReceiptTracker.ts';
import { readActivityStatus } from './readActivityStatus.ts';

// Against the real dev chain: what the tracker reads is what a node answers.
const origin = 'https://shop.example';
const merchant: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const eurc = devChainTokens[1]?.address as Address;
const now = () => new Date();

let chain: StartDevChainReturnType;
let payer: PrivateKeyAccount;
let network: WalletNetwork;

beforeAll(async () => {
  chain = await startDevChain({ port: 0 });
  const deployed = await deployTestTokens({ rpcUrl: chain.rpcUrl });
  // An account that sends nothing else in this file, so nonces are ours alone.
  payer = privateKeyToAccount(deployed.accounts[5]?.privateKey as Hex);
  network = {
    chainId: 31337,
    name: 'dev',
    rpcUrls: [chain.rpcUrl],
    nativeSymbol: 'ETH',
    tokens: devChainTokens,
  };
}, 60_000);
afterAll(async () => {
  await chain.stop();
});

async function setUp() {
  const controller = new PolicyController({
    local: createMemoryStorageArea(),
    now,
    prices: createPriceSource({ now }),
    ledgerName: `ledger-${crypto.randomUUID()}`,
    activityName: `activity-${crypto.randomUUID()}`,
  });
  await controller.setSitePolicy(origin, {
    preset: 'custom',
    payments: 'auto',
    unprovable: 'confirm',
    limits: [
      { window: 'day', unit: { kind: 'fiat' }, amount: '1000000000000', whenExceeded: 'block' },
    ],
    whenNotAllowed: 'block',
    confirmNewRecipients: false,
    grants: [],
  });
  // No wallet-wide cap: the reverting payment below is larger than any sensible one.
  await controller.setWalletLimits([]);
  const rpc = createPublicClient({ transport: http(chain.rpcUrl) });
  const tracker = createReceiptTracker({
    controller,
    chainFor: () =>
      Promise.resolve({
        request: (method, params) =>
          rpc.request({ method, params } as Parameters<typeof rpc.request>[0]),
      }),
    now,
  });
  const policy = createDappPolicy({
    controller,
    watchReceipts: () => undefined,
    notify: () => undefined,
    now,
  });
  return { controller, tracker, policy, rpc };
}

/** Authorizes a transfer, signs it with the test key, records it; broadcasts unless told not to. */
async function send(
  context: Awaited<ReturnType<typeof setUp>>,
  { amount, nonce, isBroadcast = true }: { amount: bigint; nonce?: number; isBroadcast?: boolean },
) {
  const transaction = {
    to: eurc,
    value: 0n,
    data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [merchant, amount] }),
  };
  const authorization = await context.policy.authorize({
    origin,
    method: 'eth_sendTransaction',
    from: payer.address,
    network,
    input: {
      kind: 'transaction',
      transaction,
      maxNetworkFee: 0n,
      action: describeTransaction({ transaction, knownTokens: devChainTokens }),
    },
    ask: () => Promise.reject(new Error('must be automatic')),
  });
  const used =
    nonce ??
    (await context.rpc.getTransactionCount({ address: payer.address, blockTag: 'pending' }));
  const signed = await payer.signTransaction({
    chainId: 31337,
    nonce: used,
    ...transaction,
    gas: 100_000n,
    maxFeePerGas: 20_000_000_000n,
    maxPriorityFeePerGas: 1_000_000_000n,
  });
  const hash = keccak256(signed);
  await authorization.attach({ hash, nonce: used });
  if (isBroadcast) {
    // A reverting transaction is mined, and the dev chain also reports the failure: the
    // tracker, not the broadcast answer, decides from the receipt.
    await context.rpc
      .request({ method: 'eth_sendRawTransaction', params: [signed] })
      .catch(() => undefined);
    await authorization.sent(hash);
  }
  return { hash, nonce: used };
}

/** The status the "Activity" page shows for the payment with this hash. */
async function activityStatus(context: Awaited<ReturnType<typeof setUp>>, hash: Hex) {
  const record = await context.controller.activity.findByTransaction(hash);
  if (record === undefined) return undefined;
  const reservation = context.controller.ledger
    .list()
    .find((candidate) => candidate.id === record.reservationId);
  return readActivityStatus(record, reservation);
}

describe('createReceiptTracker', () => {
  it('settles a mined payment and marks its activity confirmed', async () => {
    const context = await setUp();
    const { hash } = await send(context, { amount: parseUnits('1', 6) });
    expect(await context.tracker.poll()).toBe(0);
    const reservation = context.controller.ledger.view;
    expect(context.controller.ledger.pending()).toEqual([]);
    expect(reservation.hasPaid(origin, 31337, merchant)).toBe(true);
    expect(await activityStatus(context, hash)).toBe('confirmed');
  });

  it('releases a payment whose transaction reverted: nothing moved, nothing counts', async () => {
    const context = await setUp();
    // More than the account holds: mined, reverted.
    const { hash } = await send(context, { amount: parseUnits('2000000', 6) });
    await context.tracker.poll();
    const [released] = context.controller.ledger.list({ limit: 1 });
    expect(released).toMatchObject({ status: 'released', releaseReason: 'reverted' });
    expect(await activityStatus(context, hash)).toBe('reverted');
  });

  it('drops a payment whose nonce another transaction took', async () => {
    const context = await setUp();
    const nonce = await context.rpc.getTransactionCount({
      address: payer.address,
      blockTag: 'pending',
    });
    // Signed and recorded, never broadcast (the worker died); a transaction from elsewhere
    // then used the nonce.
    await send(context, { amount: parseUnits('1', 6), nonce, isBroadcast: false });
    const foreign = await payer.signTransaction({
      chainId: 31337,
      nonce,
      to: payer.address,
      value: 0n,
      gas: 21_000n,
      maxFeePerGas: 20_000_000_000n,
      maxPriorityFeePerGas: 1_000_000_000n,
    });
    await context.rpc.request({ method: 'eth_sendRawTransaction', params: [foreign] });
    expect(await context.tracker.poll()).toBe(0);
    expect(context.controller.ledger.list({ limit: 1 })[0]).toMatchObject({
      status: 'released',
      releaseReason: 'dropped',
    });
  });

  it('keeps following a transaction the node knows but has not mined', async () => {
    const context = await setUp();
    await context.rpc.request({ method: 'evm_setAutomine', params: [false] } as never);
    try {
      await send(context, { amount: parseUnits('1', 6) });
      expect(await context.tracker.poll()).toBe(1);
      await context.rpc.request({ method: 'evm_mine', params: [] } as never);
      expect(await context.tracker.poll()).toBe(0);
      expect(context.controller.ledger.list({ limit: 1 })[0]?.status).toBe('settled');
    } finally {
      await context.rpc.request({ method: 'evm_setAutomine', params: [true] } as never);
    }
  });
});

import fc from 'fast-check';
import { createTestClient, createWalletClient, http } from 'viem';
import type { Address, Hash } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevChain } from '../../../scripts/devChain/startDevChain.ts';
import type { StartDevChainReturnType } from '../../../scripts/devChain/startDevChain.ts';
import { InvalidChainParamsError } from '../../../shared/chains/errors.ts';
import { findNetwork } from '../../../shared/chains/findNetwork.ts';
import type { Network } from '../../../shared/chains/networks.ts';
import { createChainClient } from './createChainClient.ts';
import { createNonceManager } from './createNonceManager.ts';

const alice: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const bob: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

/** A chain whose pending count only moves when the test says so. */
function fakePendingCounts(initial = 0, maxDelayMs = 5) {
  const counts = new Map<string, number>();
  const calls: string[] = [];
  const clock = { at: 0 };
  return {
    calls,
    clock,
    now: () => clock.at,
    /** Every reserve asks the chain (the count is never fresh). */
    resyncAfterMilliseconds: 0,
    set: (chainId: number, address: Address, count: number) => {
      counts.set(`${chainId}:${address.toLowerCase()}`, count);
    },
    getPendingNonce: async ({ chainId, address }: { chainId: number; address: Address }) => {
      calls.push(`${chainId}:${address}`);
      // A random delay so that concurrent reservations overlap in every order.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * maxDelayMs));
      return counts.get(`${chainId}:${address.toLowerCase()}`) ?? initial;
    },
  };
}

describe('createNonceManager', () => {
  it('starts from the chain’s pending count and counts up while the chain lags', async () => {
    const chain = fakePendingCounts(5);
    const manager = createNonceManager(chain);
    await expect(manager.reserve(1, alice)).resolves.toBe(5);
    await expect(manager.reserve(1, alice)).resolves.toBe(6);
    await expect(manager.reserve(1, alice)).resolves.toBe(7);
  });

  it('counts up locally while the chain’s count is fresh, and asks again once it is stale', async () => {
    const chain = { ...fakePendingCounts(5), resyncAfterMilliseconds: 1_000 };
    const manager = createNonceManager(chain);
    await expect(manager.reserve(1, alice)).resolves.toBe(5);
    chain.set(1, alice, 9);
    chain.clock.at = 999;
    await expect(manager.reserve(1, alice)).resolves.toBe(6);
    await expect(manager.reserve(1, alice)).resolves.toBe(7);
    expect(chain.calls).toHaveLength(1);
    chain.clock.at = 1_000;
    await expect(manager.reserve(1, alice)).resolves.toBe(9);
    expect(chain.calls).toHaveLength(2);
  });

  it('asks the chain again after a release (a failed send), even while fresh', async () => {
    const chain = { ...fakePendingCounts(0), resyncAfterMilliseconds: 60_000 };
    const manager = createNonceManager(chain);
    await Promise.all([manager.reserve(1, alice), manager.reserve(1, alice)]);
    expect(chain.calls).toHaveLength(1);
    // Another wallet used nonces 0…3; our nonce 1 was refused.
    chain.set(1, alice, 4);
    manager.release(1, alice, 1);
    await expect(manager.reserve(1, alice)).resolves.toBe(4);
    expect(chain.calls).toHaveLength(2);
    await expect(manager.reserve(1, alice)).resolves.toBe(5);
    expect(chain.calls).toHaveLength(2);
  });

  it('follows the chain when it is ahead (another wallet sent from the same key)', async () => {
    const chain = fakePendingCounts(0);
    const manager = createNonceManager(chain);
    await manager.reserve(1, alice);
    chain.set(1, alice, 10);
    await expect(manager.reserve(1, alice)).resolves.toBe(10);
  });

  it('hands out distinct, gap-free nonces to many concurrent reservations', async () => {
    const chain = fakePendingCounts(3);
    const manager = createNonceManager(chain);
    const reserved = await Promise.all(
      Array.from({ length: 25 }, () => manager.reserve(137, alice)),
    );
    expect([...reserved].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, index) => 3 + index),
    );
  });

  it('keeps addresses and chains apart, and ignores address case', async () => {
    const chain = fakePendingCounts(0);
    const manager = createNonceManager(chain);
    await expect(manager.reserve(1, alice)).resolves.toBe(0);
    await expect(manager.reserve(1, bob)).resolves.toBe(0);
    await expect(manager.reserve(10, alice)).resolves.toBe(0);
    await expect(manager.reserve(1, alice.toLowerCase() as Address)).resolves.toBe(1);
  });

  it('reuses a released nonce when it was the last one handed out', async () => {
    const manager = createNonceManager(fakePendingCounts(0));
    await manager.reserve(1, alice);
    const failed = await manager.reserve(1, alice);
    manager.release(1, alice, failed);
    await expect(manager.reserve(1, alice)).resolves.toBe(failed);
  });

  it('fills the gap a failed send left below later ones before going on', async () => {
    const manager = createNonceManager(fakePendingCounts(0));
    const [first, second, third] = await Promise.all([
      manager.reserve(1, alice),
      manager.reserve(1, alice),
      manager.reserve(1, alice),
    ]);
    expect([first, second, third]).toEqual([0, 1, 2]);
    manager.release(1, alice, 1);
    await expect(manager.reserve(1, alice)).resolves.toBe(1);
    await expect(manager.reserve(1, alice)).resolves.toBe(3);
  });

  it('steps back over every trailing released nonce', async () => {
    const manager = createNonceManager(fakePendingCounts(0));
    for (let count = 0; count < 4; count += 1) await manager.reserve(1, alice);
    manager.release(1, alice, 2);
    manager.release(1, alice, 3);
    manager.release(1, alice, 3);
    await expect(manager.reserve(1, alice)).resolves.toBe(2);
    await expect(manager.reserve(1, alice)).resolves.toBe(3);
  });

  it('forgets released nonces the chain has since used', async () => {
    const chain = fakePendingCounts(0);
    const manager = createNonceManager(chain);
    await Promise.all([
      manager.reserve(1, alice),
      manager.reserve(1, alice),
      manager.reserve(1, alice),
    ]);
    manager.release(1, alice, 0);
    chain.set(1, alice, 2);
    await expect(manager.reserve(1, alice)).resolves.toBe(3);
  });

  it('ignores the release of a nonce it never handed out', async () => {
    const manager = createNonceManager(fakePendingCounts(4));
    manager.release(1, alice, 9);
    await expect(manager.reserve(1, alice)).resolves.toBe(4);
    manager.release(1, alice, 7);
    await expect(manager.reserve(1, alice)).resolves.toBe(5);
  });

  it('rejects one reservation when the chain cannot be read, and serves the next', async () => {
    let calls = 0;
    const manager = createNonceManager({
      now: () => 0,
      getPendingNonce: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('down')) : Promise.resolve(2);
      },
    });
    await expect(manager.reserve(1, alice)).rejects.toThrow('down');
    await expect(manager.reserve(1, alice)).resolves.toBe(2);
  });

  it('refuses nonsense chain ids, nonces and pending counts', async () => {
    const manager = createNonceManager({
      now: () => 0,
      getPendingNonce: () => Promise.resolve(-1),
    });
    await expect(manager.reserve(0, alice)).rejects.toMatchObject({ param: 'chainId' });
    expect(() => {
      manager.release(1, alice, 1.5);
    }).toThrow(InvalidChainParamsError);
    await expect(manager.reserve(1, alice)).rejects.toMatchObject({
      code: 'chain/invalid-params',
      param: 'pendingNonce',
    });
  });

  it('never has the same nonce out twice, whatever the order of reserves and releases', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('reserve' as const), batch: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('chain-advances' as const),
        by: fc.integer({ min: 0, max: 3 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), fc.boolean(), async (steps, isLocal) => {
        // Asking the chain on every reserve, or counting locally between releases.
        const chain = {
          ...fakePendingCounts(0, 1),
          ...(isLocal ? { resyncAfterMilliseconds: 60_000 } : {}),
        };
        const manager = createNonceManager(chain);
        const outstanding = new Set<number>();
        let pending = 0;
        for (const current of steps) {
          if (current.kind === 'reserve') {
            const nonces = await Promise.all(
              Array.from({ length: current.batch }, () => manager.reserve(1, alice)),
            );
            for (const nonce of nonces) {
              expect(outstanding.has(nonce)).toBe(false);
              expect(nonce).toBeGreaterThanOrEqual(pending);
              outstanding.add(nonce);
            }
          } else if (current.kind === 'release') {
            const candidates = [...outstanding];
            const nonce = candidates[current.pick % Math.max(candidates.length, 1)];
            if (nonce !== undefined) {
              manager.release(1, alice, nonce);
              outstanding.delete(nonce);
            }
          } else {
            // The chain includes the lowest outstanding nonces, as a node would.
            const included = [...outstanding].sort((a, b) => a - b).slice(0, current.by);
            for (const nonce of included) {
              if (nonce !== pending) break;
              outstanding.delete(nonce);
              pending += 1;
            }
            chain.set(1, alice, pending);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('createNonceManager on a real chain', () => {
  const testMnemonic = 'test test test test test test test test test test test junk';
  let devChain: StartDevChainReturnType;
  beforeAll(async () => {
    devChain = await startDevChain({ port: 0 });
  });
  afterAll(async () => {
    await devChain.stop();
  });

  it('lets quick concurrent sends from one address all be mined, a failed one leaving no gap', async () => {
    const client = createChainClient({
      network: findNetwork(31337) as Network,
      rpcUrls: [devChain.rpcUrl],
    });
    const manager = createNonceManager({
      getPendingNonce: ({ address }) => client.getTransactionCount(address, 'pending'),
      now: () => Date.now(),
    });
    const account = mnemonicToAccount(testMnemonic, { addressIndex: 7 });
    const recipient = mnemonicToAccount(testMnemonic, { addressIndex: 8 }).address;
    const wallet = createWalletClient({
      account,
      chain: client.publicClient.chain,
      transport: http(devChain.rpcUrl),
    });
    const fees = await client.estimateFees();
    const send = async (value: bigint, { failsBeforeBroadcast = false } = {}): Promise<Hash> => {
      const nonce = await manager.reserve(31337, account.address);
      try {
        if (failsBeforeBroadcast) throw new Error('the user closed the approval window');
        const request = await wallet.prepareTransactionRequest({
          to: recipient,
          value,
          nonce,
          gas: 21_000n,
          type: 'eip1559',
          ...fees,
        });
        return await client.sendRawTransaction(await wallet.signTransaction(request));
      } catch (error) {
        manager.release(31337, account.address, nonce);
        throw error;
      }
    };

    // Without automining the node keeps every transaction pending until the block below, so
    // the pending count lags exactly as it does on a real network between blocks.
    const hardhat = createTestClient({ mode: 'hardhat', transport: http(devChain.rpcUrl) });
    await hardhat.setAutomine(false);
    try {
      const results = await Promise.allSettled([
        send(1n),
        send(2n),
        send(3n, { failsBeforeBroadcast: true }),
        send(4n),
        send(5n),
        send(6n),
      ]);
      expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
      const hashes = results.flatMap((result) =>
        result.status === 'fulfilled' ? [result.value] : [],
      );
      await hardhat.mine({ blocks: 1 });

      const receipts = await Promise.all(
        hashes.map((hash) => client.publicClient.getTransactionReceipt({ hash })),
      );
      expect(receipts.map((receipt) => receipt.status)).toEqual(Array(5).fill('success'));
      const transactions = await Promise.all(
        hashes.map((hash) => client.publicClient.getTransaction({ hash })),
      );
      expect(transactions.map((transaction) => transaction.nonce).sort((a, b) => a - b)).toEqual([
        0, 1, 2, 3, 4,
      ]);
      await expect(client.getTransactionCount(account.address, 'latest')).resolves.toBe(5);
    } finally {
      await hardhat.setAutomine(true);
    }
  });
});

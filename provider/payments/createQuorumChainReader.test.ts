import { encodeAbiParameters, toHex } from 'viem';
import type { Hex } from 'viem';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createQuorumChainReader } from './createQuorumChainReader.ts';
import type { QuorumChainReader } from './createQuorumChainReader.ts';
import {
  InvalidPaymentsOptionError,
  InvalidTransactionHashError,
  NoQuorumError,
} from './errors.ts';
import type { PaymentsLogger } from './PaymentsLogger.ts';
import { startPaymentsTestChain } from './startPaymentsTestChain.ts';
import type { PaymentsTestChain } from './startPaymentsTestChain.ts';
import { startRpcProxy } from './startRpcProxy.ts';
import type { RpcCall, RpcProxy } from './startRpcProxy.ts';

const reference = '0123456789abcdef0123456789abcdef';
const otherReference = 'ffffffffffffffffffffffffffffffff';

let chain: PaymentsTestChain;
const proxies: RpcProxy[] = [];
const readers: QuorumChainReader[] = [];

beforeAll(async () => {
  chain = await startPaymentsTestChain();
});

afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.close()));
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

afterAll(async () => {
  await chain.stop();
});

type Rewrite = (call: RpcCall) => unknown;

/** Three honest endpoints (distinct proxies of the one node), then one per rewrite. */
async function endpoints(...liars: Rewrite[]): Promise<string[]> {
  const started = await Promise.all([
    ...[0, 1, 2].map(() => startRpcProxy({ targetUrl: chain.rpcUrl })),
    ...liars.map((rewrite) => startRpcProxy({ targetUrl: chain.rpcUrl, rewrite })),
  ]);
  proxies.push(...started);
  return started.map((proxy) => proxy.url);
}

function reader(urls: string[], log?: PaymentsLogger): QuorumChainReader {
  const created = createQuorumChainReader({
    chainId: 31337,
    endpoints: urls,
    timeoutMs: 5_000,
    log,
  });
  readers.push(created);
  return created;
}

type RawReceipt = { transactionHash: Hex; status: Hex; logs: { data: Hex }[] };
type RawTransaction = { hash: Hex; input: Hex };
type RawBlock = { hash: Hex; transactions: (Hex | RawTransaction)[] };

const inflateTransferredAmount: Rewrite = ({ method, result }) => {
  if (method !== 'eth_getTransactionReceipt' || result === null) return result;
  const receipt = result as RawReceipt;
  return {
    ...receipt,
    logs: receipt.logs.map((log) => ({
      ...log,
      data: encodeAbiParameters([{ type: 'uint256' }], [10n ** 30n]),
    })),
  };
};
const claimReverted: Rewrite = ({ method, result }) =>
  method === 'eth_getTransactionReceipt' && result !== null
    ? { ...(result as RawReceipt), status: '0x0' }
    : result;
const swapReferenceInInput: Rewrite = ({ method, result }) =>
  method === 'eth_getTransactionByHash' && result !== null
    ? {
        ...(result as RawTransaction),
        input: (result as RawTransaction).input.replace(reference, otherReference),
      }
    : result;

describe('createQuorumChainReader', () => {
  test('observes an ERC-20 transfer with a reference, with the fields a quorum agreed on', async () => {
    const receipt = await chain.payToken('USDC', { reference, amount: 25_000_000n });
    const inspected = await reader(await endpoints()).inspectTransaction(receipt.transactionHash);
    const block = await reader([chain.rpcUrl]).readBlock(receipt.blockNumber);
    expect(inspected).toEqual({
      status: 'transfer',
      confirmations: 1,
      transfer: {
        chainId: 31337,
        txHash: receipt.transactionHash,
        blockNumber: receipt.blockNumber,
        blockHash: receipt.blockHash,
        blockTime: new Date(Number(block.timestamp) * 1000),
        from: chain.shopper,
        to: chain.merchant,
        tokenAddress: chain.tokens.USDC.address,
        amount: 25_000_000n,
        reference,
      },
    });
  });

  test('counts confirmations from the quorum head', async () => {
    const receipt = await chain.payToken('DAI', { reference, amount: 10n ** 18n });
    await chain.mine(2);
    const inspected = await reader(await endpoints()).inspectTransaction(receipt.transactionHash);
    expect(inspected).toMatchObject({ status: 'transfer', confirmations: 3 });
  });

  test('observes a native transfer whose data is the reference', async () => {
    const receipt = await chain.payNative({ reference, amount: 10n ** 16n });
    expect(
      await reader(await endpoints()).inspectTransaction(receipt.transactionHash),
    ).toMatchObject({
      status: 'transfer',
      transfer: {
        to: chain.merchant,
        tokenAddress: null,
        amount: 10n ** 16n,
        reference,
        from: chain.shopper,
      },
    });
  });

  test('transfers without reference are not payments', async () => {
    const token = await chain.payToken('USDC', { reference: null, amount: 1_000_000n });
    const native = await chain.payNative({ reference: null, amount: 1n });
    const quorumReader = reader(await endpoints());
    for (const receipt of [token, native]) {
      expect(await quorumReader.inspectTransaction(receipt.transactionHash)).toEqual({
        status: 'not_a_payment',
        reason: 'no_reference',
      });
    }
  });

  test('a reverted transfer with a reference failed', async () => {
    const receipt = await chain.payToken('USDC', {
      reference,
      amount: 10n ** 30n,
      gas: 100_000n,
    });
    expect(receipt.status).toBe('reverted');
    expect(await reader(await endpoints()).inspectTransaction(receipt.transactionHash)).toEqual({
      status: 'failed',
    });
  });

  test('an unknown hash is not found; a malformed one is refused', async () => {
    const quorumReader = reader(await endpoints());
    expect(await quorumReader.inspectTransaction(`0x${'ab'.repeat(32)}`)).toEqual({
      status: 'not_found',
    });
    await expect(quorumReader.inspectTransaction('0x1234')).rejects.toThrow(
      InvalidTransactionHashError,
    );
  });

  test('finds the payments of a block, and only those', async () => {
    const paid = await chain.payToken('EURC', { reference, amount: 5_000_000n });
    const unpaid = await chain.payToken('EURC', { reference: null, amount: 5_000_000n });
    const quorumReader = reader(await endpoints());
    const withPayment = await quorumReader.readBlockTransfers(paid.blockNumber);
    expect(withPayment.block.hash).toBe(paid.blockHash);
    expect(withPayment.transfers.map((transfer) => transfer.txHash)).toEqual([
      paid.transactionHash,
    ]);
    expect((await quorumReader.readBlockTransfers(unpaid.blockNumber)).transfers).toEqual([]);
  });

  describe('with lying endpoints', () => {
    test.each([
      ['inflates the Transfer log', inflateTransferredAmount],
      ['claims the transfer reverted', claimReverted],
      ['swaps the reference in the calldata', swapReferenceInInput],
    ])('one that %s among three honest ones changes nothing', async (_label, lie) => {
      const receipt = await chain.payToken('USDC', { reference, amount: 7_000_000n });
      const urls = await endpoints(lie);
      const honest = await reader(urls.slice(0, 3)).inspectTransaction(receipt.transactionHash);
      const withLiar = await reader(urls).inspectTransaction(receipt.transactionHash);
      expect(honest).toMatchObject({
        status: 'transfer',
        transfer: { amount: 7_000_000n, reference },
      });
      expect(withLiar).toEqual(honest);
    });

    test('two agreeing liars among four endpoints leave no quorum', async () => {
      const receipt = await chain.payToken('USDC', { reference, amount: 7_000_000n });
      const urls = await endpoints(inflateTransferredAmount, inflateTransferredAmount);
      const twoHonestTwoLiars = [urls[0], urls[1], urls[3], urls[4]] as string[];
      expect(await reader(twoHonestTwoLiars).inspectTransaction(receipt.transactionHash)).toEqual({
        status: 'no_quorum',
      });
    });

    test('a liar cannot hide a payment from a block, nor slip in one that does not exist', async () => {
      const receipt = await chain.payToken('USDC', { reference, amount: 3_000_000n });
      const invented = { ...receipt, transactionHash: `0x${'cd'.repeat(32)}` };
      const hideAndInvent: Rewrite = ({ method, result }) => {
        if (method !== 'eth_getBlockByNumber' || result === null) return result;
        const block = result as RawBlock;
        const kept = block.transactions.filter(
          (transaction) =>
            typeof transaction === 'string' || transaction.hash !== receipt.transactionHash,
        );
        const fake = kept.find((transaction) => typeof transaction !== 'string');
        return {
          ...block,
          transactions:
            fake === undefined ? kept : [...kept, { ...fake, hash: invented.transactionHash }],
        };
      };
      // The liar comes first: order must not matter either.
      const [first, second, third, liar] = await endpoints(hideAndInvent);
      const found = await reader([liar, first, second, third] as string[]).readBlockTransfers(
        receipt.blockNumber,
      );
      expect(found.transfers.map((transfer) => transfer.txHash)).toEqual([receipt.transactionHash]);
    });

    test('a block hash that only a minority reports is no quorum', async () => {
      const head = await chain.head();
      const otherHash: Rewrite = ({ method, result }) =>
        method === 'eth_getBlockByNumber' && result !== null
          ? { ...(result as RawBlock), hash: `0x${'ee'.repeat(32)}` }
          : result;
      const urls = await endpoints(otherHash, otherHash);
      expect((await reader(urls.slice(0, 4)).readBlock(head)).hash).not.toBe(
        `0x${'ee'.repeat(32)}`,
      );
      await expect(
        reader([urls[0], urls[1], urls[3], urls[4]] as string[]).readBlock(head),
      ).rejects.toThrow(NoQuorumError);
    });

    test('a far-future head from one endpoint does not raise the quorum head', async () => {
      const farFuture: Rewrite = ({ method, result }) =>
        method === 'eth_blockNumber' ? toHex(10n ** 12n) : result;
      const urls = await endpoints(farFuture);
      expect(await reader(urls).readHead()).toBe(await chain.head());
    });
  });

  test('an endpoint on another chain is excluded, logged, and counts as not agreeing', async () => {
    const otherChain: Rewrite = ({ method, result }) => (method === 'eth_chainId' ? '0x1' : result);
    const [first, second, , wrongChain] = await endpoints(otherChain);
    const logged: unknown[] = [];
    const log: PaymentsLogger = {
      info() {},
      warn() {},
      error(details) {
        logged.push(details);
      },
    };
    const head = await chain.head();
    expect(await reader([first, second, wrongChain] as string[], log).readHead()).toBe(head);
    expect(logged).toEqual([
      { endpoint: new URL(wrongChain ?? '').origin, expectedChainId: 31337, actualChainId: 1 },
    ]);
    await expect(reader([first, wrongChain] as string[]).readHead()).rejects.toThrow(NoQuorumError);
  });

  test('reads over WebSocket and hears new heads by subscription', async () => {
    const quorumReader = reader([chain.webSocketUrl]);
    expect(await quorumReader.readHead()).toBe(await chain.head());
    let heard = 0;
    const unwatch = quorumReader.watchHeads(() => {
      heard += 1;
    });
    try {
      // The subscription takes a moment to open; mine until it has spoken.
      for (let attempt = 0; attempt < 50 && heard === 0; attempt += 1) {
        await chain.mine(1);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(heard).toBeGreaterThan(0);
    } finally {
      unwatch();
    }
  });

  test('refuses duplicate endpoints, bad URLs and bad chain ids', () => {
    expect(() =>
      createQuorumChainReader({ chainId: 31337, endpoints: [chain.rpcUrl, chain.rpcUrl] }),
    ).toThrow(InvalidPaymentsOptionError);
    expect(() => createQuorumChainReader({ chainId: 31337, endpoints: ['ftp://x'] })).toThrow(
      InvalidPaymentsOptionError,
    );
    expect(() => createQuorumChainReader({ chainId: 31337, endpoints: [] })).toThrow(
      InvalidPaymentsOptionError,
    );
    expect(() => createQuorumChainReader({ chainId: 0, endpoints: [chain.rpcUrl] })).toThrow(
      InvalidPaymentsOptionError,
    );
  });
});

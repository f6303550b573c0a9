import { encodeAbiParameters } from 'viem';
import type { Hex } from 'viem';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { createChainWatcher } from './createChainWatcher.ts';
import type { ChainWatcher } from './createChainWatcher.ts';
import { createObservationRecorder } from './createObservationRecorder.ts';
import type { ObservationRecorder } from './createObservationRecorder.ts';
import { createQuorumChainReader } from './createQuorumChainReader.ts';
import type { QuorumChainReader } from './createQuorumChainReader.ts';
import { NoQuorumError } from './errors.ts';
import { readChainCursor } from './readChainCursor.ts';
import { startPaymentsTestChain } from './startPaymentsTestChain.ts';
import type { PaymentsTestChain } from './startPaymentsTestChain.ts';
import { startRpcProxy } from './startRpcProxy.ts';
import type { RpcCall, RpcProxy } from './startRpcProxy.ts';

const reference = 'abcdefabcdefabcdefabcdefabcdef01';
type Rewrite = (call: RpcCall) => unknown;
type RawReceipt = { logs: { data: Hex }[]; status: Hex };
type RawBlock = { hash: Hex };

/** The shop is told ten times what was paid. */
const inflateAmount: Rewrite = ({ method, result }) =>
  method === 'eth_getTransactionReceipt' && result !== null
    ? {
        ...(result as RawReceipt),
        logs: (result as RawReceipt).logs.map((log) => ({
          ...log,
          data: encodeAbiParameters([{ type: 'uint256' }], [70_000_000n]),
        })),
      }
    : result;
/** Every block looks different: a reorg that never happened. */
const forgeBlockHashes: Rewrite = ({ method, result }) =>
  method === 'eth_getBlockByNumber' && result !== null
    ? { ...(result as RawBlock), hash: `0x${'0e'.repeat(32)}` }
    : result;

let chain: PaymentsTestChain;
let honest: RpcProxy[];
let inflating: RpcProxy[];
let forging: RpcProxy[];

beforeAll(async () => {
  chain = await startPaymentsTestChain();
  const proxy = (rewrite?: Rewrite): Promise<RpcProxy> =>
    startRpcProxy({ targetUrl: chain.rpcUrl, ...(rewrite === undefined ? {} : { rewrite }) });
  honest = await Promise.all([proxy(), proxy(), proxy()]);
  inflating = await Promise.all([proxy(inflateAmount), proxy(inflateAmount)]);
  forging = await Promise.all([proxy(forgeBlockHashes), proxy(forgeBlockHashes)]);
});

afterAll(async () => {
  await Promise.all([...honest, ...inflating, ...forging].map((proxy) => proxy.close()));
  await chain.stop();
});

describe.each(testDatabases())(
  'the chain watcher among lying RPC endpoints, on $name',
  ({ open }) => {
    let db: Database;
    let recorder: ObservationRecorder;
    const readers: QuorumChainReader[] = [];

    beforeAll(async () => {
      db = await open();
      await migrate({ db });
      recorder = await createObservationRecorder(db);
    });

    afterAll(async () => {
      await db.close();
    });

    beforeEach(async () => {
      await recorder.reset();
      await chain.mine(1);
    });

    afterEach(async () => {
      await Promise.all(readers.splice(0).map((reader) => reader.close()));
    });

    function watcherOver(proxies: RpcProxy[]): ChainWatcher {
      const reader = createQuorumChainReader({
        chainId: 31337,
        endpoints: proxies.map((proxy) => proxy.url),
      });
      readers.push(reader);
      return createChainWatcher({
        db,
        reader,
        apply: recorder.apply,
        now: () => new Date('2030-01-01T00:00:00.000Z'),
        pollIntervalMs: 50,
        maxBlocksPerStep: 20,
        initialBackfillBlocks: 0,
      });
    }

    test.each([
      ['inflates the Transfer log', inflateAmount],
      ['forges block hashes', forgeBlockHashes],
    ])(
      'one endpoint that %s among three honest ones: the truth is applied, the lie never',
      async (label) => {
        const liar = label === 'inflates the Transfer log' ? inflating[0] : forging[0];
        const watcher = watcherOver([...honest, liar as RpcProxy]);
        await watcher.step();
        const paid = await chain.payToken('USDC', { reference, amount: 7_000_000n });
        expect(await watcher.step()).toMatchObject({
          status: 'applied',
          transfers: 1,
          removedBlocks: 0,
        });
        expect(await recorder.transfers()).toEqual([
          {
            txHash: paid.transactionHash,
            blockNumber: paid.blockNumber,
            blockHash: paid.blockHash,
            amount: 7_000_000n,
            reference,
            tokenAddress: chain.tokens.USDC.address,
          },
        ]);
        expect(await recorder.removedBlocks()).toEqual([]);
      },
    );

    test.each([
      ['inflate the Transfer log', () => inflating],
      ['forge block hashes', () => forging],
    ])(
      'two endpoints that %s among four: no quorum, nothing applied, the cursor stays',
      async (_label, liars) => {
        await watcherOver(honest).step();
        const cursor = await readChainCursor(db, { chainId: 31337 });
        const stepsBefore = await recorder.heads();
        const paid = await chain.payToken('USDC', { reference, amount: 7_000_000n });

        const split = watcherOver([honest[0], honest[1], ...liars()] as RpcProxy[]);
        await expect(split.step()).rejects.toThrow(NoQuorumError);
        expect(await readChainCursor(db, { chainId: 31337 })).toEqual(cursor);
        expect(await recorder.heads()).toEqual(stepsBefore);
        expect(await recorder.transfers()).toEqual([]);

        // Once a quorum is honest again, the payment is found where the watcher stopped.
        await watcherOver(honest).step();
        expect((await recorder.transfers()).map((transfer) => transfer.txHash)).toEqual([
          paid.transactionHash,
        ]);
      },
    );
  },
);

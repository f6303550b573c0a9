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
import { ReorgTooDeepError } from './errors.ts';
import { readChainCursor } from './readChainCursor.ts';
import { startPaymentsTestChain } from './startPaymentsTestChain.ts';
import type { PaymentsTestChain } from './startPaymentsTestChain.ts';

const reference = '0badc0de0badc0de0badc0de0badc0de';

let chain: PaymentsTestChain;

beforeAll(async () => {
  chain = await startPaymentsTestChain();
});

afterAll(async () => {
  await chain.stop();
});

describe.each(testDatabases())('the chain watcher across reorgs, on $name', ({ open }) => {
  let db: Database;
  let recorder: ObservationRecorder;
  let reader: QuorumChainReader;
  let watcher: ChainWatcher;

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
    recorder = await createObservationRecorder(db);
    reader = createQuorumChainReader({ chainId: 31337, endpoints: [chain.rpcUrl] });
  });

  afterAll(async () => {
    await reader.close();
    await db.close();
  });

  beforeEach(async () => {
    await recorder.reset();
    await chain.mine(1);
    watcher = createChainWatcher({
      db,
      reader,
      apply: recorder.apply,
      now: () => new Date('2030-01-01T00:00:00.000Z'),
      pollIntervalMs: 50,
      maxBlocksPerStep: 20,
      initialBackfillBlocks: 0,
    });
    await watcher.step();
  });

  afterEach(async () => {
    await watcher.stop();
  });

  test('a reorg that drops a payment reports its block as removed; re-mined, the payment comes again', async () => {
    const snapshot = await chain.snapshot();
    const signed = await chain.signTokenPayment('USDC', { reference, amount: 42_000_000n });
    const first = await chain.sendRaw(signed);
    expect(await watcher.step()).toMatchObject({ status: 'applied', transfers: 1 });

    await chain.revert(snapshot);
    await chain.mine(2);
    const forkHead = await chain.head();
    expect(forkHead).toBeGreaterThan(first.blockNumber);
    expect(await watcher.step()).toEqual({
      status: 'applied',
      head: forkHead,
      fromBlock: first.blockNumber,
      toBlock: forkHead,
      transfers: 0,
      removedBlocks: 1,
    });
    expect(await recorder.removedBlocks()).toEqual([
      { number: first.blockNumber, hash: first.blockHash },
    ]);
    const { rows } = await db.query<{ hash: string }>(
      'select hash from chain_blocks where number = $1',
      [first.blockNumber.toString()],
    );
    expect(rows.map((row) => row.hash)).not.toContain(first.blockHash);

    const again = await chain.sendRaw(signed);
    expect(again.transactionHash).toBe(first.transactionHash);
    expect(again.blockHash).not.toBe(first.blockHash);
    expect(await watcher.step()).toMatchObject({
      status: 'applied',
      transfers: 1,
      removedBlocks: 0,
    });
    expect(await recorder.transfers()).toMatchObject([
      { txHash: first.transactionHash, blockNumber: first.blockNumber, blockHash: first.blockHash },
      { txHash: first.transactionHash, blockNumber: again.blockNumber, blockHash: again.blockHash },
    ]);
  });

  test('removed blocks come newest first, and the fork point is found below them', async () => {
    const snapshot = await chain.snapshot();
    const paid = [
      await chain.payNative({ reference, amount: 1n }),
      await chain.payNative({ reference, amount: 2n }),
      await chain.payNative({ reference, amount: 3n }),
    ];
    expect(await watcher.step()).toMatchObject({ status: 'applied', transfers: 3 });
    await chain.revert(snapshot);
    // A fork of the same length: the head does not move, its hash does.
    await chain.mine(3);
    expect(await watcher.step()).toMatchObject({
      status: 'applied',
      transfers: 0,
      removedBlocks: 3,
    });
    expect(await recorder.removedBlocks()).toEqual(
      [...paid]
        .reverse()
        .map((receipt) => ({ number: receipt.blockNumber, hash: receipt.blockHash })),
    );
  });

  test('waits while the quorum head is below the cursor', async () => {
    const snapshot = await chain.snapshot();
    await chain.mine(2);
    await watcher.step();
    await chain.revert(snapshot);
    const cursor = await readChainCursor(db, { chainId: 31337 });
    expect(await watcher.step()).toEqual({ status: 'waiting', head: await chain.head() });
    expect(await readChainCursor(db, { chainId: 31337 })).toEqual(cursor);
  });

  test('a reorg below every block it keeps stops the watcher instead of guessing', async () => {
    const snapshot = await chain.snapshot();
    // Blocks with a transaction: empty ones re-mined in the same second would be identical.
    await chain.payNative({ reference, amount: 1n });
    await chain.payNative({ reference, amount: 2n });
    await watcher.step();
    const cursor = await readChainCursor(db, { chainId: 31337 });
    // As if only the newest block were kept.
    await db.query('delete from chain_blocks where number < $1', [cursor?.number.toString()]);
    await chain.revert(snapshot);
    await chain.mine(3);
    await expect(watcher.step()).rejects.toThrow(ReorgTooDeepError);
    expect(await readChainCursor(db, { chainId: 31337 })).toEqual(cursor);
  });
});

import type { Hex } from 'viem';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { testDatabases } from '../db/testDatabases.ts';
import type { ApplyChainObservations } from './ChainObservations.ts';
import { createChainWatcher } from './createChainWatcher.ts';
import type {
  ChainWatcher,
  ChainWatcherStep,
  CreateChainWatcherParameters,
} from './createChainWatcher.ts';
import { createObservationRecorder } from './createObservationRecorder.ts';
import type { ObservationRecorder } from './createObservationRecorder.ts';
import { createQuorumChainReader } from './createQuorumChainReader.ts';
import type { QuorumChainReader } from './createQuorumChainReader.ts';
import { InvalidPaymentsOptionError } from './errors.ts';
import type { PaymentsLogger } from './PaymentsLogger.ts';
import { readChainCursor } from './readChainCursor.ts';
import { startPaymentsTestChain } from './startPaymentsTestChain.ts';
import type { PaymentsTestChain } from './startPaymentsTestChain.ts';

const now = (): Date => new Date('2030-01-01T00:00:00.000Z');

function referenceFor(index: number): string {
  return index.toString(16).padStart(32, '0');
}

let chain: PaymentsTestChain;

beforeAll(async () => {
  chain = await startPaymentsTestChain();
});

afterAll(async () => {
  await chain.stop();
});

describe.each(testDatabases())('createChainWatcher on $name', ({ open }) => {
  let db: Database;
  let recorder: ObservationRecorder;
  const readers: QuorumChainReader[] = [];
  const watchers: ChainWatcher[] = [];

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
    recorder = await createObservationRecorder(db);
  });

  afterAll(async () => {
    await Promise.all(watchers.map((watcher) => watcher.stop()));
    await Promise.all(readers.map((reader) => reader.close()));
    await db.close();
  });

  beforeEach(async () => {
    await Promise.all(watchers.splice(0).map((watcher) => watcher.stop()));
    await recorder.reset();
    // A watcher starts at the head: make it an empty block, not the last payment of a test before.
    await chain.mine(1);
  });

  function watcher(options: Partial<CreateChainWatcherParameters> = {}): ChainWatcher {
    const reader = createQuorumChainReader({ chainId: 31337, endpoints: [chain.rpcUrl] });
    readers.push(reader);
    const created = createChainWatcher({
      db,
      reader,
      apply: recorder.apply,
      now,
      pollIntervalMs: 50,
      maxBlocksPerStep: 20,
      initialBackfillBlocks: 0,
      ...options,
    });
    watchers.push(created);
    return created;
  }

  async function stepUntilIdle(chainWatcher: ChainWatcher): Promise<ChainWatcherStep[]> {
    const steps: ChainWatcherStep[] = [];
    for (;;) {
      const step = await chainWatcher.step();
      steps.push(step);
      if (step.status === 'idle') return steps;
      if (steps.length > 100) throw new Error('the watcher never caught up');
    }
  }

  async function storedBlockNumbers(): Promise<bigint[]> {
    const { rows } = await db.query<{ number: bigint }>(
      'select number from chain_blocks order by number',
    );
    return rows.map((row) => row.number);
  }

  test('starts at the head, then reports payments with references and nothing else', async () => {
    const chainWatcher = watcher();
    const start = await chain.head();
    expect(await chainWatcher.step()).toMatchObject({
      status: 'applied',
      fromBlock: start,
      toBlock: start,
      transfers: 0,
    });
    const token = await chain.payToken('USDC', { reference: referenceFor(1), amount: 12_345_678n });
    const native = await chain.payNative({ reference: referenceFor(2), amount: 10n ** 15n });
    await chain.payToken('USDC', { reference: null, amount: 1n });
    const head = await chain.head();

    expect(await chainWatcher.step()).toEqual({
      status: 'applied',
      head,
      fromBlock: start + 1n,
      toBlock: head,
      transfers: 2,
      removedBlocks: 0,
    });
    expect(await recorder.transfers()).toEqual([
      {
        txHash: token.transactionHash,
        blockNumber: token.blockNumber,
        blockHash: token.blockHash,
        amount: 12_345_678n,
        reference: referenceFor(1),
        tokenAddress: chain.tokens.USDC.address,
      },
      {
        txHash: native.transactionHash,
        blockNumber: native.blockNumber,
        blockHash: native.blockHash,
        amount: 10n ** 15n,
        reference: referenceFor(2),
        tokenAddress: null,
      },
    ]);
    expect(await readChainCursor(db, { chainId: 31337 })).toEqual({
      number: head,
      hash: (
        await createQuorumChainReader({ chainId: 31337, endpoints: [chain.rpcUrl] }).readBlock(head)
      ).hash,
    });
    expect(await chainWatcher.step()).toEqual({ status: 'idle', head });
  });

  test('on a first run, backfills the configured number of blocks below the head', async () => {
    const paid = await chain.payToken('EURC', { reference: referenceFor(3), amount: 1_000_000n });
    await chain.mine(2);
    const head = await chain.head();
    const steps = await stepUntilIdle(watcher({ initialBackfillBlocks: 3, maxBlocksPerStep: 2 }));
    expect(steps.map((step) => step.status)).toEqual(['applied', 'applied', 'idle']);
    expect(await storedBlockNumbers()).toEqual([head - 3n, head - 2n, head - 1n, head]);
    expect((await recorder.transfers()).map((transfer) => transfer.txHash)).toEqual([
      paid.transactionHash,
    ]);
  });

  test('a step whose apply throws leaves nothing behind, and a restarted watcher goes on exactly once', async () => {
    const first = watcher({ maxBlocksPerStep: 2 });
    await first.step();
    const paid: Hex[] = [];
    for (let index = 0; index < 6; index += 1) {
      paid.push(
        (
          await chain.payToken('USDC', {
            reference: referenceFor(10 + index),
            amount: 1_000n + BigInt(index),
          })
        ).transactionHash,
      );
    }
    expect(await first.step()).toMatchObject({ status: 'applied', transfers: 2 });
    const cursorBefore = await readChainCursor(db, { chainId: 31337 });
    const blocksBefore = await storedBlockNumbers();

    const failing: ApplyChainObservations = async (session, observations) => {
      await recorder.apply(session, observations);
      throw new Error('checkout is down');
    };
    await expect(watcher({ apply: failing, maxBlocksPerStep: 2 }).step()).rejects.toThrow(
      'checkout is down',
    );
    expect(await readChainCursor(db, { chainId: 31337 })).toEqual(cursorBefore);
    expect(await storedBlockNumbers()).toEqual(blocksBefore);
    expect(await recorder.transfers()).toHaveLength(2);

    // A new process: a new reader and watcher on the same database, started and stopped.
    const restarted = watcher({ maxBlocksPerStep: 1, pollIntervalMs: 20 });
    restarted.start();
    const head = await chain.head();
    await waitFor(async () => (await readChainCursor(db, { chainId: 31337 }))?.number === head);
    await restarted.stop();

    expect((await recorder.transfers()).map((transfer) => transfer.txHash)).toEqual(paid);
    const numbers = await storedBlockNumbers();
    expect(numbers).toEqual(
      Array.from({ length: numbers.length }, (_, index) => (numbers[0] ?? 0n) + BigInt(index)),
    );
  });

  test('two watchers on one database at once never apply a block twice', async () => {
    const left = watcher({ maxBlocksPerStep: 1 });
    const right = watcher({ maxBlocksPerStep: 1 });
    await left.step();
    const paid: Hex[] = [];
    for (let index = 0; index < 6; index += 1) {
      paid.push(
        (await chain.payNative({ reference: referenceFor(20 + index), amount: 1n + BigInt(index) }))
          .transactionHash,
      );
    }
    const [leftSteps, rightSteps] = await Promise.all([stepUntilIdle(left), stepUntilIdle(right)]);
    const applied = [...leftSteps, ...rightSteps].filter((step) => step.status === 'applied');
    expect(applied).toHaveLength(6);
    expect((await recorder.transfers()).map((transfer) => transfer.txHash)).toEqual(paid);

    // And both following the chain on their own.
    for (let index = 0; index < 4; index += 1) {
      paid.push(
        (await chain.payNative({ reference: referenceFor(30 + index), amount: 1n }))
          .transactionHash,
      );
    }
    left.start();
    right.start();
    const head = await chain.head();
    await waitFor(async () => (await readChainCursor(db, { chainId: 31337 }))?.number === head);
    await Promise.all([left.stop(), right.stop()]);
    expect((await recorder.transfers()).map((transfer) => transfer.txHash)).toEqual(paid);
  });

  test('follows new heads by WebSocket subscription, without waiting for a poll', async () => {
    const reader = createQuorumChainReader({ chainId: 31337, endpoints: [chain.webSocketUrl] });
    readers.push(reader);
    const chainWatcher = createChainWatcher({
      db,
      reader,
      apply: recorder.apply,
      now,
      // Polls too rarely to matter within the test: the subscription must poke.
      pollIntervalMs: 3_600_000,
      maxBlocksPerStep: 20,
      initialBackfillBlocks: 0,
    });
    watchers.push(chainWatcher);
    chainWatcher.start();
    await waitFor(async () => (await readChainCursor(db, { chainId: 31337 })) !== undefined);
    const paid = (await chain.payNative({ reference: referenceFor(40), amount: 1n }))
      .transactionHash;
    // The subscription may open after that block: each further head pokes again.
    await waitFor(async () => {
      if ((await recorder.transfers()).some((transfer) => transfer.txHash === paid)) return true;
      await chain.mine(1);
      return false;
    });
    await chainWatcher.stop();
  });

  test('logs a failed step and retries it next round; it never reaches the process', async () => {
    const logged: { message: string; details: Record<string, unknown> }[] = [];
    const log: PaymentsLogger = {
      info() {},
      warn() {},
      error(details, message) {
        logged.push({ details, message });
      },
    };
    let failures = 1;
    const flaky: ApplyChainObservations = async (session, observations) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('checkout hiccup');
      }
      await recorder.apply(session, observations);
    };
    const chainWatcher = watcher({ apply: flaky, log, pollIntervalMs: 20 });
    chainWatcher.start();
    await waitFor(async () => (await recorder.heads()).length > 0);
    await chainWatcher.stop();
    expect(logged).toEqual([
      {
        message: 'chain watcher step failed',
        details: { chainId: 31337, error: 'checkout hiccup' },
      },
    ]);
  });

  test('refuses options it cannot work with', () => {
    for (const options of [
      { pollIntervalMs: 0 },
      { maxBlocksPerStep: 0 },
      { initialBackfillBlocks: -1 },
      { maxBlocksPerStep: 1.5 },
    ]) {
      expect(() => watcher(options)).toThrow(InvalidPaymentsOptionError);
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the watcher');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

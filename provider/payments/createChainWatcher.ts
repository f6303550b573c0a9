import type { Database } from '../db/Database.ts';
import type { ApplyChainObservations } from './ChainObservations.ts';
import { commitChainStep } from './commitChainStep.ts';
import type { QuorumChainReader } from './createQuorumChainReader.ts';
import { InvalidPaymentsOptionError } from './errors.ts';
import { planChainStep } from './planChainStep.ts';
import type { PaymentsLogger } from './PaymentsLogger.ts';
import { silentPaymentsLogger } from './PaymentsLogger.ts';
import { readChainCursor } from './readChainCursor.ts';
import { readRecentChainBlocks } from './readRecentChainBlocks.ts';
import { TpError } from '../../shared/errors/TpError.ts';

export type CreateChainWatcherParameters = {
  db: Database;
  reader: QuorumChainReader;
  /** Checkout's side: called inside the transaction that moves the cursor. */
  apply: ApplyChainObservations;
  /** For `updated_at`. */
  now: () => Date;
  log?: PaymentsLogger;
  /** How often to look for a new head without a subscription. */
  pollIntervalMs: number;
  /** Blocks read and applied per step at most (catching up takes several steps). */
  maxBlocksPerStep: number;
  /** On the very first run (no cursor), start this many blocks below the head. */
  initialBackfillBlocks: number;
};

export type ChainWatcherStep =
  | {
      status: 'applied';
      head: bigint;
      fromBlock: bigint;
      toBlock: bigint;
      transfers: number;
      removedBlocks: number;
    }
  /** Nothing new: the cursor is at the quorum's head and still canonical. */
  | { status: 'idle'; head: bigint }
  /** The quorum's head is below the cursor: nothing to do until it passes it. */
  | { status: 'waiting'; head: bigint }
  /** Another process holds this chain, or moved its cursor while this step read: nothing written. */
  | { status: 'skipped'; reason: 'locked' | 'cursor_moved' };

export type ChainWatcher = {
  /** Follows the chain until `stop()`: polls, and steps on every ws:// `newHeads`. Idempotent. */
  start(): void;
  /** Stops following and waits for a running step to end. */
  stop(): Promise<void>;
  /** Asks for a step soon (coalesced with one already due or running). No-op unless started. */
  poke(): void;
  /** One round. Throws what stopped it (NoQuorumError, BrokenChainLinkError, …, apply's errors). */
  step(): Promise<ChainWatcherStep>;
};

export type CreateChainWatcherReturnType = ChainWatcher;

export type CreateChainWatcherErrorType = InvalidPaymentsOptionError;

/**
 * Follows one chain through a quorum reader and hands each step's observations to checkout.
 * Any number of watchers of one chain may run against one database, in any number of
 * processes: each step commits under the chain's advisory lock and only from the cursor it
 * read, so no block is applied twice and none is skipped. Errors are logged and the step is
 * retried next round; they never reach the process.
 */
export function createChainWatcher({
  db,
  reader,
  apply,
  now,
  log = silentPaymentsLogger,
  pollIntervalMs,
  maxBlocksPerStep,
  initialBackfillBlocks,
}: CreateChainWatcherParameters): CreateChainWatcherReturnType {
  assertInteger('pollIntervalMs', pollIntervalMs, 10, 3_600_000);
  assertInteger('maxBlocksPerStep', maxBlocksPerStep, 1, 10_000);
  assertInteger('initialBackfillBlocks', initialBackfillBlocks, 0, 1_000_000);
  const chainId = reader.chainId;

  async function step(): Promise<ChainWatcherStep> {
    const cursor = await readChainCursor(db, { chainId });
    const storedBlocks =
      cursor === undefined
        ? []
        : await readRecentChainBlocks(db, { chainId, atOrBelow: cursor.number });
    const plan = await planChainStep({
      reader,
      cursor,
      storedBlocks,
      maxBlocksPerStep,
      initialBackfillBlocks,
    });
    if (plan.status !== 'ready') return plan;
    const outcome = await commitChainStep({
      db,
      chainId,
      expectedCursor: cursor,
      plan,
      apply,
      now: now(),
    });
    if (outcome !== 'applied') return { status: 'skipped', reason: outcome };
    const toBlock = (plan.blocks.at(-1) ?? plan.blocks[0]).number;
    if (plan.removedBlocks.length > 0) {
      log.warn(
        {
          chainId,
          removedBlocks: plan.removedBlocks.map((block) => block.number.toString()),
          toBlock: toBlock.toString(),
        },
        'chain reorganised: removed blocks handed to checkout',
      );
    }
    return {
      status: 'applied',
      head: plan.head,
      fromBlock: plan.blocks[0].number,
      toBlock,
      transfers: plan.transfers.length,
      removedBlocks: plan.removedBlocks.length,
    };
  }

  let isStarted = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let isStepAgainWanted = false;
  let unwatchHeads: (() => void) | undefined;

  function schedule(delayMs: number): void {
    if (!isStarted) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running !== undefined) {
        isStepAgainWanted = true;
        return;
      }
      running = runRound().finally(() => {
        running = undefined;
      });
    }, delayMs);
  }

  async function runRound(): Promise<void> {
    let nextDelayMs = pollIntervalMs;
    try {
      const outcome = await step();
      // Still behind the head: go on at once rather than one block range per poll interval.
      if (outcome.status === 'applied' && outcome.toBlock < outcome.head) nextDelayMs = 0;
    } catch (error) {
      logStepError(error);
    }
    if (isStepAgainWanted) {
      isStepAgainWanted = false;
      nextDelayMs = 0;
    }
    schedule(nextDelayMs);
  }

  function logStepError(error: unknown): void {
    const details =
      error instanceof TpError
        ? { chainId, code: error.code, details: error.details }
        : { chainId, error: error instanceof Error ? error.message : String(error) };
    const message = error instanceof TpError ? error.shortMessage : 'chain watcher step failed';
    if (error instanceof TpError && error.code === 'payments/no-quorum') log.warn(details, message);
    else log.error(details, message);
  }

  function poke(): void {
    if (!isStarted) return;
    if (running !== undefined) isStepAgainWanted = true;
    else schedule(0);
  }

  return {
    step,
    poke,
    start() {
      if (isStarted) return;
      isStarted = true;
      unwatchHeads = reader.watchHeads(poke);
      schedule(0);
    },
    async stop() {
      isStarted = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      unwatchHeads?.();
      unwatchHeads = undefined;
      await running;
    },
  };
}

function assertInteger(option: string, value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidPaymentsOptionError({ option, expected: `an integer from ${min} to ${max}` });
  }
}

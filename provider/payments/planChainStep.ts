import type { CanonicalBlock } from './AgreedChainFacts.ts';
import type { ObservedTransfer, RemovedBlock } from './ChainObservations.ts';
import type { QuorumChainReader } from './createQuorumChainReader.ts';
import { BrokenChainLinkError, ReorgTooDeepError } from './errors.ts';
import type { NoQuorumError } from './errors.ts';
import type { StoredChainBlock } from './StoredChainBlock.ts';

/*
 * Reads, never writes: what one step would apply, from facts a quorum agreed on. Reorgs: the
 * stored blocks are compared with the quorum's hashes from the cursor down; the first that
 * still matches is the fork point, those above it were removed. New blocks must link by parent
 * hash to the fork point and to each other, or the step is abandoned and tried again.
 */

export type PlanChainStepParameters = {
  reader: Pick<QuorumChainReader, 'chainId' | 'readHead' | 'readBlock' | 'readBlockTransfers'>;
  /** The newest accepted block; `undefined` on the first run. */
  cursor: StoredChainBlock | undefined;
  /** Accepted blocks at or below the cursor, newest first. */
  storedBlocks: readonly StoredChainBlock[];
  maxBlocksPerStep: number;
  initialBackfillBlocks: number;
};

export type ChainStepPlan =
  /** The cursor is the quorum's head and still canonical. */
  | { status: 'idle'; head: bigint }
  /** The quorum's head is below the cursor (lagging endpoints, a shorter fork): wait. */
  | { status: 'waiting'; head: bigint }
  | {
      status: 'ready';
      head: bigint;
      /** Newest first. */
      removedBlocks: RemovedBlock[];
      /** Oldest first, linked by parent hash. */
      blocks: [CanonicalBlock, ...CanonicalBlock[]];
      transfers: ObservedTransfer[];
    };

export type PlanChainStepReturnType = ChainStepPlan;

export type PlanChainStepErrorType = NoQuorumError | BrokenChainLinkError | ReorgTooDeepError;

export async function planChainStep({
  reader,
  cursor,
  storedBlocks,
  maxBlocksPerStep,
  initialBackfillBlocks,
}: PlanChainStepParameters): Promise<PlanChainStepReturnType> {
  const head = await reader.readHead();
  let firstBlock: bigint;
  let parentHash: string | undefined;
  const removedBlocks: RemovedBlock[] = [];

  if (cursor === undefined) {
    const backfill = BigInt(initialBackfillBlocks);
    firstBlock = head > backfill ? head - backfill : 0n;
  } else {
    if (cursor.number > head) return { status: 'waiting', head };
    const known = storedBlocks.length > 0 ? storedBlocks : [cursor];
    let forkPoint: StoredChainBlock | undefined;
    for (const stored of known) {
      const canonical = await reader.readBlock(stored.number);
      if (canonical.hash.toLowerCase() === stored.hash.toLowerCase()) {
        forkPoint = stored;
        break;
      }
      removedBlocks.push({ number: stored.number, hash: stored.hash });
    }
    if (forkPoint === undefined) {
      const oldest = known[known.length - 1] ?? cursor;
      throw new ReorgTooDeepError({ chainId: reader.chainId, oldestKnownBlock: oldest.number });
    }
    if (removedBlocks.length === 0 && cursor.number === head) return { status: 'idle', head };
    firstBlock = forkPoint.number + 1n;
    parentHash = forkPoint.hash;
  }

  const lastWanted = firstBlock + BigInt(maxBlocksPerStep) - 1n;
  const lastBlock = head < lastWanted ? head : lastWanted;
  const blocks: CanonicalBlock[] = [];
  const transfers: ObservedTransfer[] = [];
  for (let number = firstBlock; number <= lastBlock; number += 1n) {
    const read = await reader.readBlockTransfers(number);
    if (
      parentHash !== undefined &&
      read.block.parentHash.toLowerCase() !== parentHash.toLowerCase()
    ) {
      throw new BrokenChainLinkError({
        chainId: reader.chainId,
        blockNumber: number,
        parentHash: read.block.parentHash,
        expectedParentHash: parentHash,
      });
    }
    parentHash = read.block.hash;
    blocks.push(read.block);
    transfers.push(...read.transfers);
  }
  const [oldest, ...newer] = blocks;
  // Unreachable: firstBlock ≤ head whenever we get here (after the cursor, or a backfill start).
  if (oldest === undefined) return { status: 'idle', head };
  return { status: 'ready', head, removedBlocks, blocks: [oldest, ...newer], transfers };
}

import type { Database } from '../db/Database.ts';
import type { ApplyChainObservations, ChainObservations } from './ChainObservations.ts';
import { chainWatcherLockKey } from './chainWatcherLockKey.ts';
import type { ChainStepPlan } from './planChainStep.ts';
import { readChainCursor } from './readChainCursor.ts';
import type { StoredChainBlock } from './StoredChainBlock.ts';

/*
 * One transaction: the chain's advisory lock, then a check that the cursor is still where the
 * plan started, then blocks, checkout's `apply` and the cursor together. If another process
 * holds the lock or already moved the cursor, nothing is written; if anything throws (apply
 * included), everything is rolled back. So each block is applied once, by one process.
 */

export type CommitChainStepParameters = {
  db: Database;
  chainId: number;
  /** The cursor the plan was made from. */
  expectedCursor: StoredChainBlock | undefined;
  plan: Extract<ChainStepPlan, { status: 'ready' }>;
  apply: ApplyChainObservations;
  now: Date;
};

export type CommitChainStepReturnType = 'applied' | 'locked' | 'cursor_moved';

/** Accepted blocks kept per chain, to find a fork point: a deeper reorg needs an operator. */
export const keptChainBlocks = 256n;

export async function commitChainStep({
  db,
  chainId,
  expectedCursor,
  plan,
  apply,
  now,
}: CommitChainStepParameters): Promise<CommitChainStepReturnType> {
  const [firstBlock] = plan.blocks;
  const lastBlock = plan.blocks.at(-1) ?? firstBlock;

  return db.transaction(async (session) => {
    const { rows } = await session.query<{ is_locked: boolean }>(
      'select pg_try_advisory_xact_lock($1::bigint) as is_locked',
      [chainWatcherLockKey(chainId)],
    );
    if (rows[0]?.is_locked !== true) return 'locked';
    const cursor = await readChainCursor(session, { chainId, isForUpdate: true });
    if (!isSameCursor(cursor, expectedCursor)) return 'cursor_moved';

    // The removed blocks are exactly those from the first new height up.
    await session.query('delete from chain_blocks where chain_id = $1 and number >= $2', [
      chainId,
      firstBlock.number.toString(),
    ]);
    for (const block of plan.blocks) {
      await session.query(
        'insert into chain_blocks (chain_id, number, hash, parent_hash) values ($1, $2, $3, $4)',
        [
          chainId,
          block.number.toString(),
          block.hash.toLowerCase(),
          block.parentHash.toLowerCase(),
        ],
      );
    }
    await session.query('delete from chain_blocks where chain_id = $1 and number <= $2', [
      chainId,
      (lastBlock.number - keptChainBlocks).toString(),
    ]);

    const observations: ChainObservations = {
      chainId,
      head: plan.head,
      transfers: plan.transfers,
      removedBlocks: plan.removedBlocks,
    };
    await apply(session, observations);

    await session.query(
      `insert into chain_cursors (chain_id, block_number, block_hash, updated_at)
       values ($1, $2, $3, $4)
       on conflict (chain_id) do update
         set block_number = excluded.block_number,
             block_hash = excluded.block_hash,
             updated_at = excluded.updated_at`,
      [chainId, lastBlock.number.toString(), lastBlock.hash.toLowerCase(), now],
    );
    return 'applied';
  });
}

function isSameCursor(
  actual: StoredChainBlock | undefined,
  expected: StoredChainBlock | undefined,
): boolean {
  if (actual === undefined || expected === undefined) return actual === expected;
  return (
    actual.number === expected.number && actual.hash.toLowerCase() === expected.hash.toLowerCase()
  );
}

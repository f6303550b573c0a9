import type { Hex } from 'viem';
import type { DatabaseSession } from '../db/Database.ts';
import type { StoredChainBlock } from './StoredChainBlock.ts';

export type ReadRecentChainBlocksParameters = {
  chainId: number;
  /** Only blocks at or below this height (the cursor). */
  atOrBelow: bigint;
};

/** Newest first. */
export type ReadRecentChainBlocksReturnType = StoredChainBlock[];

export async function readRecentChainBlocks(
  session: DatabaseSession,
  { chainId, atOrBelow }: ReadRecentChainBlocksParameters,
): Promise<ReadRecentChainBlocksReturnType> {
  const { rows } = await session.query<{ number: bigint; hash: Hex }>(
    `select number, hash from chain_blocks
      where chain_id = $1 and number <= $2
      order by number desc`,
    [chainId, atOrBelow.toString()],
  );
  return rows.map((row) => ({ number: row.number, hash: row.hash }));
}

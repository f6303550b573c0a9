import type { DatabaseSession } from '../db/Database.ts';
import type { StoredChainBlock } from './StoredChainBlock.ts';

export type ReadChainCursorParameters = {
  chainId: number;
  /** Lock the row until the transaction ends (inside the commit only). */
  isForUpdate?: boolean;
};

/** The newest block accepted on this chain, `undefined` before the first step. */
export type ReadChainCursorReturnType = StoredChainBlock | undefined;

export async function readChainCursor(
  session: DatabaseSession,
  { chainId, isForUpdate = false }: ReadChainCursorParameters,
): Promise<ReadChainCursorReturnType> {
  const { rows } = await session.query<{ block_number: bigint; block_hash: `0x${string}` }>(
    `select block_number, block_hash from chain_cursors where chain_id = $1${isForUpdate ? ' for update' : ''}`,
    [chainId],
  );
  const [row] = rows;
  return row === undefined ? undefined : { number: row.block_number, hash: row.block_hash };
}

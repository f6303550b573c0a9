import type { Database } from '../db/Database.ts';
import { chainWatcherLockKey } from '../payments/chainWatcherLockKey.ts';
import { applyChainObservations } from './applyChainObservations.ts';

export type ForgetChainHistoryParameters = {
  db: Database;
  chainId: number;
  now: Date;
};

export type ForgetChainHistoryReturnType = {
  /** Seen (unconfirmed) payments on the chain that were dropped. */
  droppedPayments: number;
};

/**
 * For a chain that was replaced by a new one under the same id — the dev stack's Hardhat node
 * starts from genesis on every `npm start` while the provider's database is kept: the watcher
 * forgets the blocks it accepted (it would otherwise wait for the old height, or find a reorg
 * deeper than it keeps), and payments still waiting for confirmations there are dropped as if
 * their blocks had been removed (their sessions reopen). Confirmed payments stay. Under the
 * chain watcher's advisory lock, in one transaction. Never for a real network.
 */
export async function forgetChainHistory({
  db,
  chainId,
  now,
}: ForgetChainHistoryParameters): Promise<ForgetChainHistoryReturnType> {
  return db.transaction(async (transaction) => {
    await transaction.query('select pg_advisory_xact_lock($1::bigint)', [
      chainWatcherLockKey(chainId),
    ]);
    const { rows } = await transaction.query<{ block_hash: string; seen: bigint }>(
      `select block_hash, count(*) as seen from checkout_payments
       where chain_id = $1 and status = 'seen' group by block_hash`,
      [chainId],
    );
    await applyChainObservations({
      transaction,
      observations: {
        chainId,
        head: 0n,
        transfers: [],
        removedBlocks: rows.map((row) => ({ number: 0n, hash: row.block_hash as `0x${string}` })),
      },
      requiredConfirmations: 1,
      now,
    });
    await transaction.query('delete from chain_blocks where chain_id = $1', [chainId]);
    await transaction.query('delete from chain_cursors where chain_id = $1', [chainId]);
    return { droppedPayments: rows.reduce((sum, row) => sum + Number(row.seen), 0) };
  });
}

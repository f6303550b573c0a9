// Test support: an `apply` that writes what it receives into the step's own transaction, so the
// tables hold exactly what was committed (a rolled-back step leaves nothing), plus readers.
import type { Hex } from 'viem';
import type { Database } from '../db/Database.ts';
import type { ApplyChainObservations } from './ChainObservations.ts';

export type RecordedTransfer = {
  txHash: Hex;
  blockNumber: bigint;
  blockHash: Hex;
  amount: bigint;
  reference: string;
  tokenAddress: string | null;
};

export type ObservationRecorder = {
  apply: ApplyChainObservations;
  transfers(): Promise<RecordedTransfer[]>;
  removedBlocks(): Promise<{ number: bigint; hash: Hex }[]>;
  /** Heads handed to apply, in commit order. */
  heads(): Promise<bigint[]>;
  /** Empties the record, the watcher's cursor and its blocks. */
  reset(): Promise<void>;
};

export async function createObservationRecorder(db: Database): Promise<ObservationRecorder> {
  await db.exec(`
    create table if not exists test_applied_steps (
      seq int8 generated always as identity primary key,
      head int8 not null
    );
    create table if not exists test_applied_transfers (
      seq int8 generated always as identity primary key,
      tx_hash text not null,
      block_number int8 not null,
      block_hash text not null,
      amount numeric(78, 0) not null,
      reference text not null,
      token_address text
    );
    create table if not exists test_removed_blocks (
      seq int8 generated always as identity primary key,
      number int8 not null,
      hash text not null
    );
  `);
  return {
    async apply(session, observations) {
      await session.query('insert into test_applied_steps (head) values ($1)', [
        observations.head.toString(),
      ]);
      for (const transfer of observations.transfers) {
        await session.query(
          `insert into test_applied_transfers
             (tx_hash, block_number, block_hash, amount, reference, token_address)
           values ($1, $2, $3, $4, $5, $6)`,
          [
            transfer.txHash,
            transfer.blockNumber.toString(),
            transfer.blockHash,
            transfer.amount.toString(),
            transfer.reference,
            transfer.tokenAddress,
          ],
        );
      }
      for (const removed of observations.removedBlocks) {
        await session.query('insert into test_removed_blocks (number, hash) values ($1, $2)', [
          removed.number.toString(),
          removed.hash,
        ]);
      }
    },
    async transfers() {
      const { rows } = await db.query<{
        tx_hash: Hex;
        block_number: bigint;
        block_hash: Hex;
        amount: string;
        reference: string;
        token_address: string | null;
      }>('select * from test_applied_transfers order by seq');
      return rows.map((row) => ({
        txHash: row.tx_hash,
        blockNumber: row.block_number,
        blockHash: row.block_hash,
        amount: BigInt(row.amount),
        reference: row.reference,
        tokenAddress: row.token_address,
      }));
    },
    async removedBlocks() {
      const { rows } = await db.query<{ number: bigint; hash: Hex }>(
        'select number, hash from test_removed_blocks order by seq',
      );
      return rows.map((row) => ({ number: row.number, hash: row.hash }));
    },
    async heads() {
      const { rows } = await db.query<{ head: bigint }>(
        'select head from test_applied_steps order by seq',
      );
      return rows.map((row) => row.head);
    },
    async reset() {
      await db.exec(`
        delete from test_applied_steps;
        delete from test_applied_transfers;
        delete from test_removed_blocks;
        delete from chain_blocks;
        delete from chain_cursors;
      `);
    },
  };
}

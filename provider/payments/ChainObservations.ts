import type { Address, Hex } from 'viem';
import type { DatabaseSession } from '../db/Database.ts';

/*
 * The contract between the chain watcher (which reads blocks through several RPC endpoints and
 * accepts only what a quorum agrees on) and checkout (which turns what the watcher saw into
 * payments, session states and webhook events). The watcher knows nothing of sessions; checkout
 * knows nothing of RPC.
 */

/**
 * A top-level transaction in a canonical block whose calldata ends with a 16-byte reference and
 * that moved value: an ERC-20 `transfer(to, amount)` followed by the reference, or a native
 * transfer whose data is the reference alone. Every field was agreed by a quorum of endpoints;
 * the transaction succeeded (receipt status 1) and, for a token, emitted the matching
 * `Transfer(from, to, amount)` log from `tokenAddress`.
 */
export type ObservedTransfer = {
  chainId: number;
  txHash: Hex;
  blockNumber: bigint;
  blockHash: Hex;
  /** The block's own timestamp (chain time), which decides whether a payment was late. */
  blockTime: Date;
  from: Address;
  /** Who received the value: the Transfer log's `to`, or the transaction's `to` for native. */
  to: Address;
  /** The ERC-20 contract that emitted the Transfer log; null for a native transfer. */
  tokenAddress: Address | null;
  /** What arrived, in base units: from the Transfer log, or the transaction's value. */
  amount: bigint;
  /** The 16 bytes after the call's arguments, as 32 lowercase hex digits without 0x. */
  reference: string;
};

/** A block the watcher had accepted as canonical and then found replaced (a reorg). */
export type RemovedBlock = { number: bigint; hash: Hex };

/** One step of the watcher on one chain, applied in one database transaction. */
export type ChainObservations = {
  chainId: number;
  /** The quorum-agreed head after this step: confirmations = head - blockNumber + 1. */
  head: bigint;
  /** Transfers found in blocks accepted in this step (a re-included one may come again). */
  transfers: readonly ObservedTransfer[];
  /** Blocks accepted earlier that this step found replaced; newest first. */
  removedBlocks: readonly RemovedBlock[];
};

/**
 * Applies one step: called by the watcher inside the transaction that also moves its cursor, so
 * either both happen or neither does. It must be idempotent per transaction hash (a transfer
 * can be reported again after a restart or a reorg that re-includes it).
 */
export type ApplyChainObservations = (
  session: DatabaseSession,
  observations: ChainObservations,
) => Promise<void>;

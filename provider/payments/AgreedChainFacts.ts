import type { Address, Hex } from 'viem';

/*
 * The shapes the quorum compares: only the fields payment detection uses, read from each
 * endpoint's answer. Two endpoints agree on a fact when these are equal (`toCanonicalKey`).
 */

/** A block at one height: what links it into the chain, and the transactions it holds. */
export type CanonicalBlock = {
  number: bigint;
  hash: Hex;
  parentHash: Hex;
  /** Seconds since the epoch, as the block says. */
  timestamp: bigint;
  transactions: readonly Hex[];
};

export type AgreedTransaction = {
  hash: Hex;
  from: Address;
  to: Address | null;
  input: Hex;
  value: bigint;
  /** Null while the transaction is pending. */
  blockHash: Hex | null;
  blockNumber: bigint | null;
};

export type AgreedLog = {
  address: Address;
  topics: readonly Hex[];
  data: Hex;
};

export type AgreedReceipt = {
  transactionHash: Hex;
  /** `unknown` for anything but 0x1 / 0x0 (viem leaves such a status undefined). */
  status: 'success' | 'reverted' | 'unknown';
  blockHash: Hex;
  blockNumber: bigint;
  logs: readonly AgreedLog[];
};

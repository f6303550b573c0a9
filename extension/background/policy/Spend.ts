/**
 * What a request spends, as `extractSpend` proved it from the wallet's own decoding. A request
 * may spend several things at once (native value on an ERC-20 call, a Permit2 batch).
 */
import type { Address } from 'viem';
import type { AssetAddress } from './Policy.ts';

/**
 * - transfer: value leaves the account (native value, ERC-20 transfer / transferFrom);
 * - approval: an on-chain allowance (approve, increaseAllowance), counted at its full amount;
 * - permit: a signed allowance or pull (EIP-2612, DAI, Permit2), counted at its full amount.
 */
export type SpendKind = 'transfer' | 'approval' | 'permit';

export type Spend = {
  readonly kind: SpendKind;
  readonly chainId: number;
  readonly asset: AssetAddress;
  /** Base units of `asset`; never 0 (a zero approval or permit revokes, it spends nothing). */
  readonly amount: bigint;
  /**
   * Who receives the value (transfer) or the right to take it (the spender of an approval or
   * permit). Absent only for value sent to a contract creation.
   */
  readonly recipient?: Address;
  /** An approval or permit of at least half its type's range: "everything, forever". */
  readonly isUnlimited: boolean;
};

/**
 * `spends` lists what the wallet can prove leaves the account. When `isProvable` is false the
 * request may do more than that (unknown calldata, typed data or a message): it is never
 * automatic, whatever `spends` says, and `unprovableReason` says why for the approval window.
 */
export type SpendExtraction = {
  readonly spends: readonly Spend[];
  readonly isProvable: boolean;
  readonly unprovableReason?: UnprovableReason;
};

export type UnprovableReason =
  | 'unknown-calldata'
  | 'unknown-token'
  | 'contract-creation'
  | 'unknown-typed-data'
  | 'malformed-typed-data'
  | 'message';

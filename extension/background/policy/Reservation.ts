/**
 * One entry of the spending ledger: what a request reserved before signing, and what became of
 * it. Reserved and settled entries count against caps; released ones do not. Windows count an
 * entry at the time its spends were decided: `reservedAt`, or for a replacement merged into it,
 * the replacement's own `reservedAt` (see toCountedSpends).
 */
import type { Address, Hex } from 'viem';
import type { Spend } from './Spend.ts';

export type ReservationStatus = 'reserved' | 'settled' | 'released';

/**
 * - rejected: the user or the signer said no after the reservation;
 * - broadcast-failed: the node refused the transaction (it never entered the mempool);
 * - reverted: mined, but it failed, so nothing moved;
 * - dropped: gone from the mempool without being mined, its nonce taken by nothing of ours;
 * - abandoned: found after a restart without a transaction or signature (never left the wallet);
 * - replaced: merged into the reservation of the transaction it replaces (same nonce).
 */
export type ReleaseReason =
  'rejected' | 'broadcast-failed' | 'reverted' | 'dropped' | 'abandoned' | 'replaced';

export type ReservedSpend = Spend & {
  /** Minor units of `Reservation.currency`, rounded up; absent when there was no usable price. */
  readonly fiatValue?: bigint;
};

export type ReservationTransaction = {
  readonly hash: Hex;
  readonly from: Address;
  readonly nonce: number;
  readonly spends: readonly ReservedSpend[];
  /**
   * When these spends were decided, if not at the reservation's `reservedAt`: a replacement
   * merged into this entry keeps the time of its own decision.
   */
  readonly reservedAt?: number;
  /** Refused by the node or dropped from the mempool: it no longer counts, unless it is mined. */
  readonly isDropped?: boolean;
};

export type Reservation = {
  readonly id: string;
  /** The site, as the browser reported it. */
  readonly origin: string;
  readonly chainId: number;
  readonly kind: 'transaction' | 'signature';
  readonly status: ReservationStatus;
  /**
   * What counts against caps: the request's spends, or, once replacements share this entry, the
   * most of each asset any of its transactions spends; once settled, the mined one's.
   */
  readonly spends: readonly ReservedSpend[];
  /** ISO 4217 code of every `fiatValue`. */
  readonly currency: string;
  /** The grant this payment was made under. */
  readonly grantId?: string;
  /** Milliseconds since the epoch. */
  readonly reservedAt: number;
  readonly updatedAt: number;
  /** The signed transactions for this payment: the first, then any replacement (same nonce). */
  readonly transactions: readonly ReservationTransaction[];
  readonly settledHash?: Hex;
  readonly releaseReason?: ReleaseReason;
  /** For `replaced`: the reservation that now tracks this payment. */
  readonly mergedInto?: string;
  /** Order of the last change across the ledger, for syncing memory with storage. */
  readonly sequence: number;
};

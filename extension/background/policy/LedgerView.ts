/**
 * What `decide` reads from the ledger: sums over windows, answered from an index so a decision
 * stays well under a millisecond with 100,000 entries. Every "since" query includes entries
 * later than now: a clock set back never hides spending.
 */
import type { Address } from 'viem';

/** `wallet` is every site together; otherwise one site's exact origin. */
export type LedgerScope =
  { readonly kind: 'wallet' } | { readonly kind: 'site'; readonly origin: string };

export type FiatUsage = {
  /** Minor units of the requested currency, for entries priced when they were reserved. */
  readonly value: bigint;
  /** Base units by asset key (`toAssetKey`) of entries that had no usable price then. */
  readonly unpriced: ReadonlyMap<string, bigint>;
};

export type LedgerView = {
  /** Reserved and settled spending at or after `since` (ms), in fiat. */
  fiatSince(scope: LedgerScope, since: number, currency: string): FiatUsage;
  /** Reserved and settled base units of one asset (`toAssetKey`) at or after `since` (ms). */
  amountSince(scope: LedgerScope, since: number, assetKey: string): bigint;
  /** Reserved and settled base units paid under a grant at or after `since` (ms). */
  grantUsedSince(grantId: string, since: number): bigint;
  /** Whether a settled payment (or approval, or permit) of this site ever went to `recipient`. */
  hasPaid(origin: string, chainId: number, recipient: Address): boolean;
};

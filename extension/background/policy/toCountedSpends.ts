/**
 * What one ledger entry adds to window sums, and when. Caps are checked on windows that reach
 * from some time `since` to now (and beyond, for a clock moved back), so an entry must add, for
 * every `since`, the most that could still leave the wallet for a transaction decided at or after
 * `since`.
 *
 * A payment with one candidate transaction counts at the time it was decided. A pending payment
 * with a replacement (same nonce, decided later) has several candidates, only one of which can be
 * mined. Counting them all at the first one's time let a replacement decided in a later window
 * drop out of that window (the bug the ledger property test found); counting them all at the
 * latest time moved the first one into a window whose decisions never saw it. So each asset adds
 * the running maximum from the latest candidate back: at candidate i's time, the most any
 * candidate from i on spends, less what later times already add. Summed over `t >= since`, that is
 * exactly the most any candidate decided at or after `since` spends, per asset and per fiat value.
 */
import type { Reservation, ReservedSpend } from './Reservation.ts';
import { toAssetKey } from './toAssetKey.ts';

export type CountedSpend = {
  readonly time: number;
  readonly assetKey: string;
  readonly amount: bigint;
  /** Minor units of the reservation's currency; absent when any candidate was unpriced. */
  readonly fiatValue: bigint | undefined;
};
export type ToCountedSpendsReturnType = CountedSpend[];

type Candidate = { readonly time: number; readonly spends: readonly ReservedSpend[] };

export function toCountedSpends(reservation: Reservation): ToCountedSpendsReturnType {
  const candidates = countedCandidates(reservation);
  if (candidates.length === 1) {
    const [only] = candidates;
    if (only !== undefined)
      return only.spends.map((spend) => ({
        time: only.time,
        assetKey: toAssetKey(spend),
        amount: spend.amount,
        fiatValue: spend.fiatValue,
      }));
  }
  const latestFirst = [...candidates].sort((left, right) => right.time - left.time);
  const assetKeys = new Set<string>();
  const unpricedKeys = new Set<string>();
  const totals = latestFirst.map((candidate) => {
    const byAsset = new Map<string, { amount: bigint; fiat: bigint }>();
    for (const spend of candidate.spends) {
      const key = toAssetKey(spend);
      assetKeys.add(key);
      if (spend.fiatValue === undefined) unpricedKeys.add(key);
      const previous = byAsset.get(key) ?? { amount: 0n, fiat: 0n };
      byAsset.set(key, {
        amount: previous.amount + spend.amount,
        fiat: previous.fiat + (spend.fiatValue ?? 0n),
      });
    }
    return byAsset;
  });
  const counted: CountedSpend[] = [];
  for (const assetKey of assetKeys) {
    const isUnpriced = unpricedKeys.has(assetKey);
    let mostAmount = 0n;
    let mostFiat = 0n;
    latestFirst.forEach((candidate, position) => {
      const total = totals[position]?.get(assetKey);
      if (total === undefined) return;
      const amount = total.amount > mostAmount ? total.amount - mostAmount : 0n;
      const fiat = !isUnpriced && total.fiat > mostFiat ? total.fiat - mostFiat : 0n;
      if (amount === 0n && fiat === 0n) return;
      mostAmount += amount;
      mostFiat += fiat;
      counted.push({
        time: candidate.time,
        assetKey,
        amount,
        fiatValue: isUnpriced ? undefined : fiat,
      });
    });
  }
  return counted;
}

/**
 * The transactions that may still be the payment, each at the time its spends were decided; or
 * the mined one; or, before any transaction, the reservation itself.
 */
function countedCandidates(reservation: Reservation): Candidate[] {
  const timeOf = (transaction: { readonly reservedAt?: number }): number =>
    transaction.reservedAt ?? reservation.reservedAt;
  if (reservation.status === 'settled') {
    const mined = reservation.transactions.find(
      (transaction) => transaction.hash.toLowerCase() === reservation.settledHash?.toLowerCase(),
    );
    return [
      {
        time: mined === undefined ? reservation.reservedAt : timeOf(mined),
        spends: reservation.spends,
      },
    ];
  }
  const live = reservation.transactions.filter((transaction) => transaction.isDropped !== true);
  if (live.length === 0) return [{ time: reservation.reservedAt, spends: reservation.spends }];
  return live.map((transaction) => ({ time: timeOf(transaction), spends: transaction.spends }));
}

/**
 * Window sums over the ledger, fast: every counted spend is filed under its scope (the wallet and
 * its site) in hour buckets and day buckets that keep running totals, so "spent since t" reads the
 * entries of t's hour, the rest of t's day hour by hour, then whole days: about 55 buckets for a
 * 30-day window, whatever the number of entries. Trusted: the caller adds only counted
 * reservations and removes exactly what it added. Entries later than `since` always count, even
 * in the future.
 */
import type { FiatUsage, LedgerScope } from './LedgerView.ts';
import type { Reservation } from './Reservation.ts';
import { toCountedSpends } from './toCountedSpends.ts';

export type SpendingIndex = {
  /** The currency fiat sums are kept in; spends valued in another count as unpriced. */
  readonly currency: string;
  add(reservation: Reservation): void;
  remove(reservation: Reservation): void;
  fiatSince(scope: LedgerScope, since: number): FiatUsage;
  amountSince(scope: LedgerScope, since: number, assetKey: string): bigint;
  grantUsedSince(grantId: string, since: number): bigint;
};
export type CreateSpendingIndexReturnType = SpendingIndex;

type Contribution = {
  readonly reservationId: string;
  readonly time: number;
  readonly assetKey: string;
  readonly amount: bigint;
  readonly fiat: bigint | undefined;
};

type Bucket = {
  readonly key: number;
  fiat: bigint;
  readonly unpriced: Map<string, bigint>;
  readonly amounts: Map<string, bigint>;
  /** The contributions themselves: kept by hour buckets (to read a partial hour), counted by day. */
  readonly items: Contribution[];
  count: number;
};

/** Buckets sorted by key (hour or day number), in two parallel arrays: one binary search away. */
type Level = { readonly keys: number[]; readonly buckets: Bucket[] };
type Series = { readonly hours: Level; readonly days: Level };

const hourMilliseconds = 3_600_000;
const hoursPerDay = 24;
const dayMilliseconds = hourMilliseconds * hoursPerDay;
const noUnpriced: ReadonlyMap<string, bigint> = new Map();

export function createSpendingIndex(currency: string): CreateSpendingIndexReturnType {
  const series = new Map<string, Series>();
  const grants = new Map<string, Contribution[]>();

  const scopeKey = (scope: LedgerScope): string =>
    scope.kind === 'wallet' ? 'wallet' : `site:${scope.origin}`;

  const contributions = (reservation: Reservation): Contribution[] =>
    toCountedSpends(reservation).map((counted) => ({
      reservationId: reservation.id,
      time: counted.time,
      assetKey: counted.assetKey,
      amount: counted.amount,
      fiat: reservation.currency === currency ? counted.fiatValue : undefined,
    }));

  /** Adds (sign 1) or removes (sign -1) one contribution in one level. */
  const fileIn = (
    level: Level,
    key: number,
    item: Contribution,
    sign: 1n | -1n,
    keepsItems: boolean,
  ): void => {
    const position = lowerBound(level.keys, key);
    let bucket = level.keys[position] === key ? level.buckets[position] : undefined;
    if (bucket === undefined) {
      if (sign < 0n) return;
      bucket = { key, fiat: 0n, unpriced: new Map(), amounts: new Map(), items: [], count: 0 };
      level.keys.splice(position, 0, key);
      level.buckets.splice(position, 0, bucket);
    }
    if (keepsItems) {
      if (sign > 0n) bucket.items.push(item);
      else {
        const index = bucket.items.findIndex(
          // A pending replacement adds one asset at several times: match the very contribution.
          (candidate) =>
            candidate.reservationId === item.reservationId &&
            candidate.assetKey === item.assetKey &&
            candidate.time === item.time &&
            candidate.amount === item.amount &&
            candidate.fiat === item.fiat,
        );
        if (index < 0) return;
        bucket.items.splice(index, 1);
      }
    }
    bucket.count += sign > 0n ? 1 : -1;
    const signed = sign * item.amount;
    addTo(bucket.amounts, item.assetKey, signed);
    if (item.fiat === undefined) addTo(bucket.unpriced, item.assetKey, signed);
    else bucket.fiat += sign * item.fiat;
    if (bucket.count === 0) {
      level.keys.splice(position, 1);
      level.buckets.splice(position, 1);
    }
  };

  const file = (key: string, items: readonly Contribution[], sign: 1n | -1n): void => {
    let target = series.get(key);
    if (target === undefined) {
      if (sign < 0n) return;
      target = { hours: { keys: [], buckets: [] }, days: { keys: [], buckets: [] } };
      series.set(key, target);
    }
    for (const item of items) {
      fileIn(target.hours, Math.floor(item.time / hourMilliseconds), item, sign, true);
      fileIn(target.days, Math.floor(item.time / dayMilliseconds), item, sign, false);
    }
  };

  const change = (reservation: Reservation, sign: 1n | -1n): void => {
    const items = contributions(reservation);
    file('wallet', items, sign);
    file(`site:${reservation.origin}`, items, sign);
    if (reservation.grantId === undefined) return;
    const existing = grants.get(reservation.grantId) ?? [];
    const kept =
      sign > 0n
        ? [...existing, ...items]
        : existing.filter((item) => item.reservationId !== reservation.id);
    if (kept.length === 0) grants.delete(reservation.grantId);
    else grants.set(reservation.grantId, kept);
  };

  /**
   * Calls `onItem` for the entries of `since`'s hour at or after it, and `onBucket` for every
   * later hour of that day and every later day: together, everything at or after `since`.
   */
  const walk = (
    scope: LedgerScope,
    since: number,
    onBucket: (bucket: Bucket) => void,
    onItem: (item: Contribution) => void,
  ): void => {
    const target = series.get(scopeKey(scope));
    if (target === undefined) return;
    const firstHour = Math.floor(since / hourMilliseconds);
    const firstDay = Math.floor(since / dayMilliseconds);
    const nextDayHour = (firstDay + 1) * hoursPerDay;
    const { hours, days } = target;
    for (
      let position = lowerBound(hours.keys, firstHour);
      position < hours.keys.length;
      position++
    ) {
      const bucket = hours.buckets[position];
      if (bucket === undefined || bucket.key >= nextDayHour) break;
      if (bucket.key !== firstHour) onBucket(bucket);
      else for (const item of bucket.items) if (item.time >= since) onItem(item);
    }
    for (
      let position = lowerBound(days.keys, firstDay + 1);
      position < days.keys.length;
      position++
    ) {
      const bucket = days.buckets[position];
      if (bucket !== undefined) onBucket(bucket);
    }
  };

  return {
    currency,
    add: (reservation) => {
      change(reservation, 1n);
    },
    remove: (reservation) => {
      change(reservation, -1n);
    },
    fiatSince(scope, since) {
      let value = 0n;
      let unpriced: Map<string, bigint> | undefined;
      const addUnpriced = (assetKey: string, amount: bigint): void => {
        unpriced ??= new Map();
        addTo(unpriced, assetKey, amount);
      };
      walk(
        scope,
        since,
        (bucket) => {
          value += bucket.fiat;
          if (bucket.unpriced.size > 0)
            for (const [assetKey, amount] of bucket.unpriced) addUnpriced(assetKey, amount);
        },
        (item) => {
          if (item.fiat === undefined) addUnpriced(item.assetKey, item.amount);
          else value += item.fiat;
        },
      );
      return { value, unpriced: unpriced ?? noUnpriced };
    },
    amountSince(scope, since, assetKey) {
      let total = 0n;
      walk(
        scope,
        since,
        (bucket) => {
          total += bucket.amounts.get(assetKey) ?? 0n;
        },
        (item) => {
          if (item.assetKey === assetKey) total += item.amount;
        },
      );
      return total;
    },
    grantUsedSince(grantId, since) {
      let total = 0n;
      for (const item of grants.get(grantId) ?? []) if (item.time >= since) total += item.amount;
      return total;
    },
  };
}

/** Keeps only non-zero totals, so an emptied asset costs nothing to walk. */
function addTo(totals: Map<string, bigint>, key: string, amount: bigint): void {
  const next = (totals.get(key) ?? 0n) + amount;
  if (next === 0n) totals.delete(key);
  else totals.set(key, next);
}

/** The first position whose value is at least `value` (values sorted ascending). */
function lowerBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? Number.POSITIVE_INFINITY) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

import { addIntervals, maxPeriodIndex } from './addIntervals.ts';
import type { AddIntervalsErrorType } from './addIntervals.ts';
import { assertBillingInterval } from './assertBillingInterval.ts';
import type { BillingInterval } from './BillingInterval.ts';
import { InvalidPeriodInputError } from './errors.ts';

export type FindPeriodParameters = {
  /** The start of period 0. */
  anchor: Date;
  interval: BillingInterval;
  /** Any instant; before the anchor gives a negative index. */
  at: Date;
};
export type FindPeriodReturnType = {
  /** The one k with start(k) ≤ at < start(k + 1). */
  readonly index: number;
  /** `addIntervals(anchor, index)`. */
  readonly start: Date;
  /** `addIntervals(anchor, index + 1)`: excluded from this period, the start of the next. */
  readonly end: Date;
};
export type FindPeriodErrorType = InvalidPeriodInputError | AddIntervalsErrorType;

const dayMs = 86_400_000;

/**
 * The period that contains `at`. Periods are half-open, [start, end), and their starts strictly
 * increase with the index, so every instant is in exactly one of them. Starts are the ones
 * `addIntervals` gives (from the anchor, anchor day kept), so both sides of a payment, the
 * provider and the wallet, count the same periods.
 */
export function findPeriod({ anchor, interval, at }: FindPeriodParameters): FindPeriodReturnType {
  if (!(anchor instanceof Date) || Number.isNaN(anchor.getTime())) {
    throw new InvalidPeriodInputError({
      field: 'anchor',
      expected: 'a valid Date',
      received: anchor,
    });
  }
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new InvalidPeriodInputError({ field: 'at', expected: 'a valid Date', received: at });
  }
  assertBillingInterval(interval);
  let index = estimateIndex(anchor, interval, at);
  if (Math.abs(index) >= maxPeriodIndex - 1) {
    throw new InvalidPeriodInputError({
      field: 'at',
      expected: `within ${maxPeriodIndex - 2} periods of the anchor`,
      received: at,
    });
  }
  // The estimate is exact or one too high (same month as `at`, later day or time).
  let start = addIntervals({ anchor, interval, periods: index });
  while (start.getTime() > at.getTime()) {
    index -= 1;
    start = addIntervals({ anchor, interval, periods: index });
  }
  let end = addIntervals({ anchor, interval, periods: index + 1 });
  while (end.getTime() <= at.getTime()) {
    index += 1;
    start = end;
    end = addIntervals({ anchor, interval, periods: index + 1 });
  }
  return { index, start, end };
}

function estimateIndex(anchor: Date, { unit, count }: BillingInterval, at: Date): number {
  if (unit === 'day' || unit === 'week') {
    const periodMs = count * (unit === 'week' ? 7 : 1) * dayMs;
    return Math.floor((at.getTime() - anchor.getTime()) / periodMs);
  }
  const monthsPerPeriod = count * (unit === 'year' ? 12 : 1);
  const months =
    (at.getUTCFullYear() - anchor.getUTCFullYear()) * 12 +
    (at.getUTCMonth() - anchor.getUTCMonth());
  return Math.floor(months / monthsPerPeriod);
}

import { assertBillingInterval } from './assertBillingInterval.ts';
import type { AssertBillingIntervalErrorType } from './assertBillingInterval.ts';
import type { BillingInterval } from './BillingInterval.ts';

export type ShortestPeriodSecondsReturnType = number;
export type ShortestPeriodSecondsErrorType = AssertBillingIntervalErrorType;

const daySeconds = 86_400;
const shortestByMonths = new Map<number, number>();

/**
 * The shortest a period of `interval` can be, in seconds, whatever the anchor: what a
 * fixed-length window (ERC-7715's `periodDuration`) may use without ever putting two on-time
 * renewals in one window. Days and weeks are exact; a month is at least 28 days (31 Jan →
 * 28 Feb), a year at least 365 (29 Feb → 28 Feb). The calendar rule itself (one payment per
 * period index of `findPeriod`) is stricter and is what the wallet enforces.
 */
export function shortestPeriodSeconds(interval: BillingInterval): ShortestPeriodSecondsReturnType {
  assertBillingInterval(interval);
  const { unit, count } = interval;
  if (unit === 'day') return count * daySeconds;
  if (unit === 'week') return count * 7 * daySeconds;
  return shortestMonthSpanDays(count * (unit === 'year' ? 12 : 1)) * daySeconds;
}

/*
 * Searched, not derived: every start month of one 400-year Gregorian cycle (after which the
 * calendar repeats) with every anchor day that can be clamped (28 is never clamped, so it also
 * stands for 1–27). 4,800 × 4 spans per distinct length, once.
 */
function shortestMonthSpanDays(months: number): number {
  const known = shortestByMonths.get(months);
  if (known !== undefined) return known;
  let shortest = Number.POSITIVE_INFINITY;
  for (let startMonth = 0; startMonth < 4800; startMonth += 1) {
    for (const anchorDay of [28, 29, 30, 31]) {
      const start = clampedDayNumber(2000, startMonth, anchorDay);
      const end = clampedDayNumber(2000, startMonth + months, anchorDay);
      shortest = Math.min(shortest, end - start);
    }
  }
  shortestByMonths.set(months, shortest);
  return shortest;
}

/** Days since 1970-01-01 of `anchorDay` (or the month's last day) in month `month` after `year`. */
function clampedDayNumber(year: number, month: number, anchorDay: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(anchorDay, lastDay)) / (daySeconds * 1000);
}

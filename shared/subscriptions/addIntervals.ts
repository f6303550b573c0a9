import { assertBillingInterval } from './assertBillingInterval.ts';
import type { AssertBillingIntervalErrorType } from './assertBillingInterval.ts';
import type { BillingInterval } from './BillingInterval.ts';
import { InvalidPeriodInputError } from './errors.ts';

export type AddIntervalsParameters = {
  /** The start of period 0; its day of month and time of day are kept. */
  anchor: Date;
  interval: BillingInterval;
  /** Whole periods to add; negative goes back. At most `maxPeriodIndex` either way. */
  periods: number;
};
export type AddIntervalsReturnType = Date;
export type AddIntervalsErrorType = InvalidPeriodInputError | AssertBillingIntervalErrorType;

/** Far more periods than any subscription has (a daily one would run 270 years). */
export const maxPeriodIndex = 100_000;

const dayMs = 86_400_000;

/*
 * Calendar arithmetic in UTC (no time zone, so no daylight saving; a day is 86,400,000 ms).
 * The start of period k is computed from the anchor in one step, never by adding one period to
 * the previous start: a month added to 31 Jan gives 28/29 Feb, but period 2 is 31 Mar again, not
 * 28/29 Mar. A month (or year) that lacks the anchor's day is clamped to its last day.
 */

/** `anchor` + `periods` × `interval`, in UTC, keeping the anchor's day (clamped to month end). */
export function addIntervals({
  anchor,
  interval,
  periods,
}: AddIntervalsParameters): AddIntervalsReturnType {
  if (!(anchor instanceof Date) || Number.isNaN(anchor.getTime())) {
    throw new InvalidPeriodInputError({
      field: 'anchor',
      expected: 'a valid Date',
      received: anchor,
    });
  }
  assertBillingInterval(interval);
  if (!Number.isSafeInteger(periods) || Math.abs(periods) > maxPeriodIndex) {
    throw new InvalidPeriodInputError({
      field: 'periods',
      expected: `a whole number from -${maxPeriodIndex} to ${maxPeriodIndex}`,
      received: periods,
    });
  }
  const { unit, count } = interval;
  const result =
    unit === 'day'
      ? new Date(anchor.getTime() + periods * count * dayMs)
      : unit === 'week'
        ? new Date(anchor.getTime() + periods * count * 7 * dayMs)
        : addMonths(anchor, periods * count * (unit === 'year' ? 12 : 1));
  if (Number.isNaN(result.getTime())) {
    throw new InvalidPeriodInputError({
      field: 'periods',
      expected: 'small enough for the result to be a valid Date',
      received: periods,
    });
  }
  return result;
}

function addMonths(anchor: Date, months: number): Date {
  const monthIndex = anchor.getUTCMonth() + months;
  const yearsCarried = Math.floor(monthIndex / 12);
  const year = anchor.getUTCFullYear() + yearsCarried;
  const month = monthIndex - yearsCarried * 12;
  const day = Math.min(anchor.getUTCDate(), daysInMonth(year, month));
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  const result = new Date(0);
  result.setUTCFullYear(year, month, day);
  result.setUTCHours(
    anchor.getUTCHours(),
    anchor.getUTCMinutes(),
    anchor.getUTCSeconds(),
    anchor.getUTCMilliseconds(),
  );
  return result;
}

/** Gregorian, proleptic (as `Date` is); `month` is 0–11. */
function daysInMonth(year: number, month: number): number {
  if (month === 1) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] ?? 31;
}

import type { Locale } from '../../../shared/i18n/index.ts';

export type FormatActivityTimeParameters = {
  /** Epoch ms of the moment to show. */
  readonly time: number;
  /** Epoch ms of now (injected, so the result is testable). */
  readonly now: number;
  readonly locale: Locale;
  readonly timeZone?: string;
};
export type FormatActivityTimeReturnType = {
  /** "3 minutes ago" within a day, else the date and time ("6 Dec 2026, 14:05"). */
  readonly short: string;
  /** Always the full date and time, for a tooltip and `<time datetime>`. */
  readonly full: string;
  readonly iso: string;
};

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** When an activity entry or a site's last activity happened, in the user's language. */
export function formatActivityTime({
  time,
  now,
  locale,
  timeZone,
}: FormatActivityTimeParameters): FormatActivityTimeReturnType {
  const date = new Date(time);
  const full = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(date);
  const age = now - time;
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  let short = full;
  // A clock a little ahead (another device's time, a skewed worker) still reads as "now".
  if (age < minute) short = relative.format(0, 'second');
  else if (age < hour) short = relative.format(-Math.floor(age / minute), 'minute');
  else if (age < day) short = relative.format(-Math.floor(age / hour), 'hour');
  return { short, full, iso: date.toISOString() };
}

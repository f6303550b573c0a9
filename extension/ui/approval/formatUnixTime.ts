import type { Locale } from '../../../shared/i18n/index.ts';

/** The latest moment a JavaScript Date can hold, in seconds (±8.64e15 ms). */
const maxDateSeconds = 8_640_000_000_000n;

/**
 * Unix seconds (a decimal string, as the worker sends them) as a date and time for people, or
 * undefined when the moment lies beyond any calendar (a `2^256 − 1` deadline means "never").
 */
export function formatUnixTime(
  seconds: string,
  locale: Locale,
  timeZone?: string,
): string | undefined {
  if (!/^\d{1,78}$/.test(seconds)) return undefined;
  const value = BigInt(seconds);
  if (value > maxDateSeconds) return undefined;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(Number(value) * 1000));
}

export type FormatCountdownReturnType = string;

/**
 * Time left as `m:ss` (`9:58`, `0:07`), in the locale's digits; never negative. Seconds are
 * rounded up, so "0:00" shows only once the time is really over.
 */
export function formatCountdown(milliseconds: number, locale: string): FormatCountdownReturnType {
  const totalSeconds = Number.isFinite(milliseconds)
    ? Math.max(0, Math.ceil(milliseconds / 1000))
    : 0;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const digits = new Intl.NumberFormat(locale, { useGrouping: false });
  return `${digits.format(minutes)}:${twoDigits.format(seconds)}`;
}

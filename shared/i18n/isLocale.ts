import { supportedLocales } from './Locale.ts';
import type { Locale } from './Locale.ts';

/** Whether `value` is exactly one of the supported locale tags (for overrides read from storage or a URL). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

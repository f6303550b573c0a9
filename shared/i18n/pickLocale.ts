import { fallbackLocale } from './Locale.ts';
import type { Locale } from './Locale.ts';

export type PickLocaleReturnType = Locale;

/**
 * The first supported locale among the user's preferred languages (`navigator.languages`, most
 * preferred first): every Chinese tag (`zh`, `zh-TW`, `zh-Hans-CN`) gets Simplified Chinese, the
 * only Chinese we ship; any English tag gets English. Nothing matching: English.
 */
export function pickLocale(languages: readonly string[]): PickLocaleReturnType {
  for (const language of languages) {
    const primary = language.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return fallbackLocale;
}

import type { WidgetLocale } from './WidgetLocale.ts';

export type PickWidgetLocaleReturnType = WidgetLocale;

const byPrimaryLanguage: Readonly<Record<string, WidgetLocale>> = {
  en: 'en',
  zh: 'zh-CN',
  es: 'es',
  de: 'de',
  ja: 'ja',
  ar: 'ar',
};

/**
 * The first language in `languages` (most preferred first: the element's `lang`, then
 * `navigator.languages`) that the widget ships, matched on the primary subtag: `de-AT` gets
 * German, every Chinese tag Simplified Chinese (the only Chinese shipped). Nothing matching:
 * English.
 */
export function pickWidgetLocale(
  languages: readonly (string | null | undefined)[],
): PickWidgetLocaleReturnType {
  for (const language of languages) {
    if (typeof language !== 'string') continue;
    const primary = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    const locale = byPrimaryLanguage[primary];
    if (locale !== undefined) return locale;
  }
  return 'en';
}

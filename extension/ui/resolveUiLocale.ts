import { isLocale, pickLocale } from '../../shared/i18n/index.ts';
import type { Locale } from '../../shared/i18n/index.ts';

export type ResolveUiLocaleParameters = {
  /** The page URL's query string: `?locale=zh-CN` wins (handy for tests and screenshots). */
  search: string;
  /** The user's choice saved by the settings screen, if any. */
  stored: string | null;
  /** The browser's preferred languages, most preferred first (`navigator.languages`). */
  languages: readonly string[];
};
export type ResolveUiLocaleReturnType = {
  readonly locale: Locale;
  /** What the settings screen shows as chosen: a saved language, or `auto`. */
  readonly setting: Locale | 'auto';
};

/** Where the key is kept in the extension's localStorage (UI preference, not wallet state). */
export const uiLocaleStorageKey = 'tp-wallet.locale';

/** The UI's language: the URL's override, else the saved choice, else the browser's languages. */
export function resolveUiLocale({
  search,
  stored,
  languages,
}: ResolveUiLocaleParameters): ResolveUiLocaleReturnType {
  const setting = isLocale(stored) ? stored : 'auto';
  const requested = new URLSearchParams(search).get('locale');
  if (isLocale(requested)) return { locale: requested, setting };
  return { locale: setting === 'auto' ? pickLocale(languages) : setting, setting };
}

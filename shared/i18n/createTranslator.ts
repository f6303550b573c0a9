import { catalogs } from './catalogs.ts';
import type { MessageKey } from './catalogs.ts';
import { fallbackLocale } from './Locale.ts';
import type { Locale } from './Locale.ts';

export type MessageValues = Readonly<Record<string, string | number>>;
/** `t('unlock.retryIn', { time: '0:42' })`: the message for `key`, with `{time}` filled in. */
export type Translator = (key: MessageKey, values?: MessageValues) => string;
export type CreateTranslatorReturnType = Translator;

const placeholder = /\{(\w+)\}/g;

/**
 * A translator for `locale`. A key the locale lacks falls back to English; a placeholder without
 * a value stays visible as `{name}` (a missing value is a bug to see, not to hide).
 */
export function createTranslator(locale: Locale): CreateTranslatorReturnType {
  const catalog = catalogs[locale];
  const fallback = catalogs[fallbackLocale];
  return (key, values) => {
    const message = catalog[key] ?? fallback[key] ?? key;
    if (values === undefined) return message;
    return message.replace(placeholder, (match, name: string) => {
      const value = values[name];
      return value === undefined ? match : String(value);
    });
  };
}

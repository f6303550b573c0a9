import english from '../../locales/widget/en.json';
import type { WidgetCatalog, WidgetMessageKey } from './WidgetLocale.ts';

export type WidgetMessageValues = Readonly<Record<string, string | number>>;
export type WidgetTranslator = (key: WidgetMessageKey, values?: WidgetMessageValues) => string;
export type CreateWidgetTranslatorReturnType = WidgetTranslator;

const placeholder = /\{(\w+)\}/g;
const fallback: WidgetCatalog = english;

/**
 * `t('quoted.expiresIn', { time: '9:58' })`: the message of `catalog` for the key, English when
 * the catalog lacks it, with `{name}` placeholders filled (a placeholder without a value stays
 * visible, a bug to see rather than hide). Values are inserted as text, never as patterns.
 */
export function createWidgetTranslator(catalog: WidgetCatalog): CreateWidgetTranslatorReturnType {
  return (key, values) => {
    const message = catalog[key] ?? fallback[key] ?? key;
    if (values === undefined) return message;
    return message.replace(placeholder, (match, name: string) => {
      const value = values[name];
      return value === undefined ? match : String(value);
    });
  };
}

import english from '../../locales/widget/en.json';
import type { WidgetCatalog, WidgetMessageKey } from './WidgetLocale.ts';

export type WidgetMessageValues = Readonly<Record<string, string | number>>;
export type WidgetTranslator = (key: WidgetMessageKey, values?: WidgetMessageValues) => string;
export type CreateWidgetTranslatorReturnType = WidgetTranslator;
export type CreateWidgetTranslatorOptions = {
  /**
   * Wrap each inserted value in Unicode isolates (FSI … PDI), for right-to-left languages: an
   * amount, a ticker or a network name written left to right then keeps its own direction instead
   * of pulling the full stop and the words around it out of place.
   */
  isolateValues?: boolean;
};

const placeholder = /\{(\w+)\}/g;
const fallback: WidgetCatalog = english;

/**
 * `t('quoted.expiresIn', { time: '9:58' })`: the message of `catalog` for the key, English when
 * the catalog lacks it, with `{name}` placeholders filled (a placeholder without a value stays
 * visible, a bug to see rather than hide). Values are inserted as text, never as patterns.
 */
export function createWidgetTranslator(
  catalog: WidgetCatalog,
  { isolateValues = false }: CreateWidgetTranslatorOptions = {},
): CreateWidgetTranslatorReturnType {
  return (key, values) => {
    const message = catalog[key] ?? fallback[key] ?? key;
    if (values === undefined) return message;
    return message.replace(placeholder, (match, name: string) => {
      const value = values[name];
      if (value === undefined) return match;
      return isolateValues ? `\u2068${String(value)}\u2069` : String(value);
    });
  };
}

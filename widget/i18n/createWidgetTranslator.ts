import english from '../../locales/widget/en.json';
import { fillMessage } from './fillMessage.ts';
import type { FillMessageValues } from './fillMessage.ts';
import type { WidgetCatalog, WidgetMessageKey } from './WidgetLocale.ts';

export type WidgetMessageValues = FillMessageValues;
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
  return (key, values) => fillMessage(catalog[key] ?? fallback[key] ?? key, values, isolateValues);
}

export type { Locale } from './Locale.ts';
export { fallbackLocale, supportedLocales } from './Locale.ts';
export type { Catalog, MessageKey } from './catalogs.ts';
export { catalogs } from './catalogs.ts';
export { createTranslator } from './createTranslator.ts';
export type { CreateTranslatorReturnType, MessageValues, Translator } from './createTranslator.ts';
export { isLocale } from './isLocale.ts';
export { pickLocale } from './pickLocale.ts';
export type { PickLocaleReturnType } from './pickLocale.ts';

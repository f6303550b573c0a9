import type en from '../../locales/widget/en.json';

/** The languages the widget ships: `locales/widget/<locale>.json`. */
export const widgetLocales = ['en', 'zh-CN', 'es', 'de', 'ja', 'ar'] as const;
export type WidgetLocale = (typeof widgetLocales)[number];

/** Every string key; English is the reference and the fallback. */
export type WidgetMessageKey = keyof typeof en;
export type WidgetCatalog = Readonly<Partial<Record<WidgetMessageKey, string>>>;

/** Locales written right to left. */
export const rightToLeftLocales: ReadonlySet<WidgetLocale> = new Set(['ar']);

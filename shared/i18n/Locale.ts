/** The languages the wallet's UI is translated into; English is the fallback for every key. */
export const supportedLocales = ['en', 'zh-CN'] as const;
export type Locale = (typeof supportedLocales)[number];
export const fallbackLocale: Locale = 'en';

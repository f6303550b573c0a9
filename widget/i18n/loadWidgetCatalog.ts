import english from '../../locales/widget/en.json';
import type { WidgetCatalog, WidgetLocale } from './WidgetLocale.ts';

export type LoadWidgetCatalogReturnType = WidgetCatalog;

/**
 * The strings of `locale`. English is in the main bundle; every other language is its own small
 * chunk beside checkout.js, fetched only by pages that need it (one `import()` per file, so the
 * bundler can split them).
 */
export async function loadWidgetCatalog(
  locale: WidgetLocale,
): Promise<LoadWidgetCatalogReturnType> {
  switch (locale) {
    case 'en':
      return english;
    case 'zh-CN':
      return (await import('../../locales/widget/zh-CN.json')).default;
    case 'es':
      return (await import('../../locales/widget/es.json')).default;
    case 'de':
      return (await import('../../locales/widget/de.json')).default;
    case 'ja':
      return (await import('../../locales/widget/ja.json')).default;
    case 'ar':
      return (await import('../../locales/widget/ar.json')).default;
  }
}

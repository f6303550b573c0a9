import { rightToLeftLocales } from '../i18n/WidgetLocale.ts';
import type { WidgetLocale } from '../i18n/WidgetLocale.ts';
import type { OnrampView } from '../tp-checkout/CheckoutView.ts';
import type { createOnrampDriver } from './createOnrampDriver.ts';
import type { OnrampCatalog } from './OnrampCatalog.ts';

export type LoadOnrampReturnType = {
  /** The on-ramp's views, in `locale`. */
  readonly view: OnrampView;
  /** Its flow and effects, for the element (the same whatever the language). */
  readonly createDriver: typeof createOnrampDriver;
};

/**
 * The on-ramp's part of the widget (flow, effects, views) and its strings in `locale`: chunks of
 * their own, fetched only when a shopper is short of funds (most never are), so the widget's
 * first load stays small.
 */
export async function loadOnramp(locale: WidgetLocale): Promise<LoadOnrampReturnType> {
  const [{ createOnrampDriver }, { createOnrampView }, catalog] = await Promise.all([
    import('./createOnrampDriver.ts'),
    import('./createOnrampView.ts'),
    loadOnrampCatalog(locale),
  ]);
  return {
    view: createOnrampView({ catalog, locale, isolateValues: rightToLeftLocales.has(locale) }),
    createDriver: createOnrampDriver,
  };
}

/** One `import()` per file, so the bundler splits each language apart. */
async function loadOnrampCatalog(locale: WidgetLocale): Promise<OnrampCatalog> {
  switch (locale) {
    case 'en':
      return (await import('../../locales/widget/onramp/en.json')).default;
    case 'zh-CN':
      return (await import('../../locales/widget/onramp/zh-CN.json')).default;
    case 'es':
      return (await import('../../locales/widget/onramp/es.json')).default;
    case 'de':
      return (await import('../../locales/widget/onramp/de.json')).default;
    case 'ja':
      return (await import('../../locales/widget/onramp/ja.json')).default;
    case 'ar':
      return (await import('../../locales/widget/onramp/ar.json')).default;
  }
}

import { describe, expect, it } from 'vitest';
import english from '../../locales/widget/subscription/en.json';
import { widgetLocales } from '../i18n/WidgetLocale.ts';

const placeholdersOf = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('subscription catalogs (locales/widget/subscription/)', () => {
  for (const locale of widgetLocales) {
    it(`${locale} has every English key, non-empty, with the same placeholders`, async () => {
      const catalog = (
        (await import(`../../locales/widget/subscription/${locale}.json`)) as {
          default: Record<string, string>;
        }
      ).default;
      for (const [key, message] of Object.entries(english)) {
        const translated = catalog[key] ?? '';
        expect(translated.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholdersOf(translated), `${locale} ${key}`).toEqual(placeholdersOf(message));
      }
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    });
  }
});

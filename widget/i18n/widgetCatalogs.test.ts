import { describe, expect, it } from 'vitest';
import english from '../../locales/widget/en.json';
import { loadWidgetCatalog } from './loadWidgetCatalog.ts';
import { widgetLocales } from './WidgetLocale.ts';

const placeholdersOf = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('widget catalogs', () => {
  for (const locale of widgetLocales) {
    it(`${locale} has every English key, non-empty, with the same placeholders`, async () => {
      const catalog = await loadWidgetCatalog(locale);
      for (const [key, message] of Object.entries(english)) {
        const translated = catalog[key as keyof typeof english] ?? '';
        expect(translated.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholdersOf(translated), `${locale} ${key}`).toEqual(placeholdersOf(message));
      }
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    });
  }
});

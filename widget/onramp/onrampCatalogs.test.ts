import { describe, expect, it } from 'vitest';
import english from '../../locales/widget/onramp/en.json';
import { widgetLocales } from '../i18n/WidgetLocale.ts';
import { loadOnramp } from './loadOnramp.ts';

const placeholdersOf = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('on-ramp catalogs (locales/widget/onramp/)', () => {
  for (const locale of widgetLocales) {
    it(`${locale} has every English key, non-empty, with the same placeholders`, async () => {
      const catalog = (
        (await import(`../../locales/widget/onramp/${locale}.json`)) as {
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

  it('loads the views with the strings of the language asked for', async () => {
    const german = (await loadOnramp('de')).view;
    const state = {
      name: 'error-onramp-declined' as const,
      context: { onrampQuote: null, onrampOrder: null },
    };
    expect(german.headline(state as never)).toBe('Ihre Karte wurde abgelehnt');
    expect((await loadOnramp('en')).view.headline(state as never)).toBe('Your card was declined');
  });
});

import { describe, expect, it } from 'vitest';
import { catalogs } from './catalogs.ts';
import { supportedLocales } from './Locale.ts';

const placeholdersOf = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the shipped translations', () => {
  const english = catalogs.en;
  const keys = Object.keys(english) as (keyof typeof english)[];

  for (const locale of supportedLocales) {
    it(`${locale} translates every English key and no other`, () => {
      expect(Object.keys(catalogs[locale]).sort()).toEqual([...keys].sort());
    });

    it(`${locale} keeps the placeholders of every message`, () => {
      for (const key of keys) {
        const message = catalogs[locale][key] ?? '';
        expect(message.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholdersOf(message), `${locale} ${key}`).toEqual(
          placeholdersOf(english[key] ?? ''),
        );
      }
    });
  }
});

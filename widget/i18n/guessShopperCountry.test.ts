import { describe, expect, it } from 'vitest';
import { guessShopperCountry } from './guessShopperCountry.ts';

describe('guessShopperCountry', () => {
  it('takes the region of the first language tag', () => {
    expect(guessShopperCountry(['en-GB', 'en-US'])).toBe('GB');
    expect(guessShopperCountry(['pt-BR'])).toBe('BR');
  });

  it('guesses the region a bare language implies', () => {
    expect(guessShopperCountry(['de'])).toBe('DE');
    expect(guessShopperCountry(['ja'])).toBe('JP');
  });

  it('skips what is not a tag, or a region that is not a country (419 = Latin America)', () => {
    expect(guessShopperCountry(['', 'not a tag!', 'fr-CA'])).toBe('CA');
    expect(guessShopperCountry(['es-419'])).toBeNull();
    expect(guessShopperCountry([])).toBeNull();
  });
});

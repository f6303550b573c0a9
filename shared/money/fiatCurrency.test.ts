import { describe, expect, it } from 'vitest';
import { UnknownCurrencyError } from './errors.ts';
import { fiatCurrency } from './fiatCurrency.ts';

describe('fiatCurrency', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['XOF', 0],
    ['UYI', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['IQD', 3],
    ['TND', 3],
    ['CLF', 4],
    ['UYW', 4],
    ['XCG', 2],
    ['ZWG', 2],
    ['SLE', 2],
    ['VED', 2],
  ])('knows %s has %i minor units', (code, decimals) => {
    expect(fiatCurrency(code)).toEqual({ kind: 'fiat', symbol: code, decimals });
  });

  it('follows ISO 4217 where CLDR differs (IQD 3, LBP 2, not 0)', () => {
    expect(fiatCurrency('IQD').decimals).toBe(3);
    expect(fiatCurrency('LBP').decimals).toBe(2);
  });

  it('returns the same frozen asset every time', () => {
    expect(fiatCurrency('EUR')).toBe(fiatCurrency('EUR'));
    expect(Object.isFrozen(fiatCurrency('EUR'))).toBe(true);
  });

  it.each([
    'usd',
    'Usd',
    'US',
    'USDC',
    ' USD',
    'USD ',
    '',
    'XXX',
    'XAU',
    'XTS',
    'XDR',
    'HRK',
    'ANG',
    'ZWL',
    'BGN',
    'toString',
    '__proto__',
    'constructor',
  ])('refuses %j', (code) => {
    expect(() => fiatCurrency(code)).toThrow(UnknownCurrencyError);
    expect(() => fiatCurrency(code)).toThrow(
      expect.objectContaining({ code: 'money/unknown-currency', details: { currency: code } }),
    );
  });

  it('refuses a code that is not a string', () => {
    expect(() => fiatCurrency(840 as unknown as string)).toThrow(UnknownCurrencyError);
  });
});

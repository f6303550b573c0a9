import { describe, expect, test } from 'vitest';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { createCountriesNotServedRule } from './createCountriesNotServedRule.ts';

const rule = createCountriesNotServedRule({ countries: new Set(['KP', 'IR']) });
const context = (country: string) => ({
  country,
  walletAddress: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  fiatCurrency: fiatCurrency('USD'),
  fiatAmountMinor: 1000n,
  region: 'rest-of-world',
});

describe('createCountriesNotServedRule', () => {
  test('a listed country is refused, naming it', () => {
    expect(rule.check(context('KP'))).toEqual({
      code: 'onramp_country_not_served',
      message: 'On-ramp purchases are not offered in KP.',
      param: 'country',
      rule: 'countries_not_served',
    });
  });

  test('another country passes', () => {
    expect(rule.check(context('BR'))).toBeUndefined();
  });
});

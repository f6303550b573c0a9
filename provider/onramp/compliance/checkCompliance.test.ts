import { describe, expect, test } from 'vitest';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { checkCompliance } from './checkCompliance.ts';
import type { CompliancePolicy, ComplianceRule } from './ComplianceRule.ts';

const refuseAll = (code: 'onramp_address_denied', type: string): ComplianceRule => ({
  type,
  check: () => ({ code, message: type, param: 'wallet_address', rule: type }),
});
const allowAll: ComplianceRule = { type: 'allow', check: () => undefined };

const order = (country: string) => ({
  country,
  walletAddress: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  fiatCurrency: fiatCurrency('EUR'),
  fiatAmountMinor: 1000n,
});

describe('checkCompliance', () => {
  const policy: CompliancePolicy = {
    regions: [
      { name: 'eu', countries: new Set(['DE', 'FR']), rules: [allowAll] },
      { name: 'world', countries: '*', rules: [refuseAll('onramp_address_denied', 'first')] },
    ],
  };

  test('a listed country takes its region, even when a * region comes first or last', () => {
    expect(checkCompliance({ policy, ...order('DE') })).toEqual({ isAllowed: true, region: 'eu' });
    const reversed = { regions: [...policy.regions].reverse() };
    expect(checkCompliance({ policy: reversed, ...order('DE') })).toEqual({
      isAllowed: true,
      region: 'eu',
    });
  });

  test('an unlisted country takes the * region', () => {
    expect(checkCompliance({ policy, ...order('BR') })).toMatchObject({ isAllowed: false });
  });

  test('without a * region, an unlisted country is not served', () => {
    const onlyEu = { regions: policy.regions.slice(0, 1) };
    expect(checkCompliance({ policy: onlyEu, ...order('BR') })).toEqual({
      isAllowed: false,
      refusal: {
        code: 'onramp_country_not_served',
        message: 'On-ramp purchases are not offered in BR.',
        param: 'country',
        rule: 'regions',
      },
    });
  });

  test('rules run in order and the first refusal wins', () => {
    const twoRefusals: CompliancePolicy = {
      regions: [
        {
          name: 'world',
          countries: '*',
          rules: [
            allowAll,
            refuseAll('onramp_address_denied', 'second'),
            refuseAll('onramp_address_denied', 'third'),
          ],
        },
      ],
    };
    const result = checkCompliance({ policy: twoRefusals, ...order('DE') });
    expect(!result.isAllowed && result.refusal.rule).toBe('second');
  });

  test('each rule sees the region it runs in', () => {
    let seen = '';
    const spy: ComplianceRule = {
      type: 'spy',
      check: (context) => {
        seen = context.region;
        return undefined;
      },
    };
    checkCompliance({
      policy: { regions: [{ name: 'eu', countries: new Set(['DE']), rules: [spy] }] },
      ...order('DE'),
    });
    expect(seen).toBe('eu');
  });
});

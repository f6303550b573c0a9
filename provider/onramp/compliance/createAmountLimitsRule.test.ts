import { describe, expect, test } from 'vitest';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { createAmountLimitsRule } from './createAmountLimitsRule.ts';

const rule = createAmountLimitsRule({
  limits: { EUR: { minimumMinor: 500n, maximumMinor: 500_000n } },
});
const context = (currency: string, fiatAmountMinor: bigint) => ({
  country: 'DE',
  walletAddress: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  fiatCurrency: fiatCurrency(currency),
  fiatAmountMinor,
  region: 'eu',
});

describe('createAmountLimitsRule', () => {
  test('the limits are inclusive', () => {
    expect(rule.check(context('EUR', 500n))).toBeUndefined();
    expect(rule.check(context('EUR', 500_000n))).toBeUndefined();
  });

  test('below the minimum and above the maximum are refused, with the limit in the reason', () => {
    expect(rule.check(context('EUR', 499n))).toMatchObject({
      code: 'onramp_amount_below_minimum',
      message: 'Purchases in region eu start at 5 EUR.',
      param: 'fiat_amount_minor',
    });
    expect(rule.check(context('EUR', 500_001n))).toMatchObject({
      code: 'onramp_amount_above_maximum',
      message: 'Purchases in region eu are at most 5000 EUR.',
    });
  });

  test('a currency without limits is not sold in the region', () => {
    expect(rule.check(context('USD', 1000n))).toMatchObject({
      code: 'onramp_currency_not_supported',
      param: 'fiat_currency',
    });
  });
});

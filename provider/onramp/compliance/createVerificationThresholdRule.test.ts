import { describe, expect, test } from 'vitest';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { createVerificationThresholdRule } from './createVerificationThresholdRule.ts';

const rule = createVerificationThresholdRule({ aboveMinor: { EUR: 70_000n } });
const context = (currency: string, fiatAmountMinor: bigint) => ({
  country: 'DE',
  walletAddress: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  fiatCurrency: fiatCurrency(currency),
  fiatAmountMinor,
  region: 'eu',
});

describe('createVerificationThresholdRule', () => {
  test('up to the threshold needs nothing', () => {
    expect(rule.check(context('EUR', 70_000n))).toBeUndefined();
  });

  test('above the threshold asks for verification', () => {
    expect(rule.check(context('EUR', 70_001n))).toEqual({
      code: 'onramp_verification_required',
      message: 'Purchases above 700 EUR in region eu need identity verification first.',
      param: 'fiat_amount_minor',
      rule: 'verification_threshold',
    });
  });

  test('a currency without a threshold has none', () => {
    expect(rule.check(context('USD', 10n ** 11n))).toBeUndefined();
  });
});

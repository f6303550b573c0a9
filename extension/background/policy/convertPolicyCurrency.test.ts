import { describe, expect, it } from 'vitest';
import { parseRate } from '../../../shared/money/parseRate.ts';
import { convertPolicyCurrency } from './convertPolicyCurrency.ts';
import { countFiatLimits } from './countFiatLimits.ts';
import { createSitePolicy } from './createSitePolicy.ts';
import { InvalidPolicyError } from './errors.ts';
import { chainId, eurc, fiatLimit, policyWith, shopOrigin } from './fixtures/policyFixtures.ts';
import type { Limit } from './Policy.ts';
import { parsePolicy } from './parsePolicy.ts';
import { serializePolicy } from './serializePolicy.ts';

const tokenLimit: Limit = {
  window: 'day',
  unit: { kind: 'token', chainId, asset: eurc, symbol: 'EURC', decimals: 6 },
  amount: 5_000_000n,
  whenExceeded: 'block',
};
const policy = policyWith(
  {
    ...createSitePolicy({ preset: 'trusted-shop', currency: 'EUR' }),
    limits: [fiatLimit('transaction', 2_000n), tokenLimit],
  },
  { walletLimits: [fiatLimit('day', 5_000n, 'block')], maxAutoNetworkFee: 150n },
);

describe('countFiatLimits', () => {
  it('counts fiat limits everywhere and the network-fee cap, not token limits', () => {
    // Wallet 1, defaults ("Ask every time") 0, the shop 1, the fee cap 1.
    expect(countFiatLimits(policy)).toBe(3);
    expect(countFiatLimits({ ...policy, walletLimits: [], maxAutoNetworkFee: undefined })).toBe(1);
  });
});

describe('convertPolicyCurrency', () => {
  it('converts every fiat amount at the rate, rounding down, and leaves token limits', () => {
    const converted = convertPolicyCurrency({
      policy,
      currency: 'USD',
      rate: parseRate('1.087'),
    });
    expect(converted.currency).toBe('USD');
    // 50.00 € → 54.35 $ (54.35 exactly); 20.00 € → 21.74 $; 1.50 € → 1.63 $ (1.6305 down).
    expect(converted.walletLimits[0]?.amount).toBe(5_435n);
    expect(converted.sites.get(shopOrigin)?.limits.map((limit) => limit.amount)).toEqual([
      2_174n,
      5_000_000n,
    ]);
    expect(converted.maxAutoNetworkFee).toBe(163n);
    // Still a valid policy, in the new currency.
    expect(parsePolicy(serializePolicy(converted)).currency).toBe('USD');
  });

  it('follows the minor units of both currencies', () => {
    // EUR (2 decimals) → JPY (0): 50.00 € at 160 ¥ = 8000 ¥; → KWD (3): 50.00 € at 0.33 = 16.500.
    expect(
      convertPolicyCurrency({ policy, currency: 'JPY', rate: parseRate('160') }).walletLimits[0]
        ?.amount,
    ).toBe(8_000n);
    expect(
      convertPolicyCurrency({ policy, currency: 'KWD', rate: parseRate('0.33') }).walletLimits[0]
        ?.amount,
    ).toBe(16_500n);
  });

  it('never turns a cap into nothing, and keeps a zero cap at zero', () => {
    const tiny = policyWith(createSitePolicy({ preset: 'ask', currency: 'EUR' }), {
      walletLimits: [fiatLimit('day', 1n), fiatLimit('week', 0n)],
    });
    const converted = convertPolicyCurrency({
      policy: tiny,
      currency: 'JPY',
      rate: parseRate('0.5'),
    });
    expect(converted.walletLimits.map((limit) => limit.amount)).toEqual([1n, 0n]);
  });

  it('refuses a code that is not ISO 4217, changing nothing', () => {
    expect(() => convertPolicyCurrency({ policy, currency: 'usd', rate: parseRate('1') })).toThrow(
      InvalidPolicyError,
    );
    expect(() => convertPolicyCurrency({ policy, currency: 'XXX', rate: parseRate('1') })).toThrow(
      InvalidPolicyError,
    );
    expect(policy.currency).toBe('EUR');
  });
});

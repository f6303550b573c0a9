import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import type { FiatCurrencyErrorType } from '../../../shared/money/fiatCurrency.ts';
import type { PolicyState } from './Policy.ts';
import { createSitePolicy } from './createSitePolicy.ts';

export type CreateDefaultPolicyParameters = { currency: string };
export type CreateDefaultPolicyReturnType = PolicyState;
export type CreateDefaultPolicyErrorType = FiatCurrencyErrorType;

/**
 * A new wallet's policy: every site asks every time; nothing is automatic until the user picks a
 * preset for a site. The wallet-wide daily cap (200 whole units) and fee cap (1 whole unit) only
 * matter once something is automatic: above them automatic payments ask again. Prices older than
 * 10 minutes are stale (BTCPay's figure); a stablecoin within 1 % of its peg is valued at it.
 */
export function createDefaultPolicy({
  currency,
}: CreateDefaultPolicyParameters): CreateDefaultPolicyReturnType {
  const wholeUnit = 10n ** BigInt(fiatCurrency(currency).decimals);
  return {
    version: 1,
    currency,
    isFrozen: false,
    walletLimits: [
      { window: 'day', unit: { kind: 'fiat' }, amount: 200n * wholeUnit, whenExceeded: 'confirm' },
    ],
    maxPriceAgeSeconds: 600,
    stablecoinToleranceBasisPoints: 100,
    maxAutoNetworkFee: wholeUnit,
    siteDefaults: createSitePolicy({ preset: 'ask', currency }),
    sites: new Map(),
  };
}

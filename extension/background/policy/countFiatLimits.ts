import type { PolicyState } from './Policy.ts';

export type CountFiatLimitsReturnType = number;

/**
 * How many amounts of the policy are in the wallet's fiat currency: fiat limits (wallet-wide,
 * the defaults, every site) and the automatic network-fee cap. These are what a currency change
 * would reinterpret.
 */
export function countFiatLimits(policy: PolicyState): CountFiatLimitsReturnType {
  const sites = [policy.siteDefaults, ...policy.sites.values()];
  const limits = [...policy.walletLimits, ...sites.flatMap((site) => site.limits)];
  return (
    limits.filter((limit) => limit.unit.kind === 'fiat').length +
    (policy.maxAutoNetworkFee === undefined ? 0 : 1)
  );
}

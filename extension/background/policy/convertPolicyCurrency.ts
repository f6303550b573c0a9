import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import type { Rate } from '../../../shared/money/Rate.ts';
import { InvalidPolicyError } from './errors.ts';
import type { Limit, PolicyState, SitePolicy } from './Policy.ts';

export type ConvertPolicyCurrencyParameters = {
  readonly policy: PolicyState;
  /** ISO 4217 code of the new currency. */
  readonly currency: string;
  /** One whole unit of the old currency in whole units of the new one. */
  readonly rate: Rate;
};
export type ConvertPolicyCurrencyReturnType = PolicyState;
export type ConvertPolicyCurrencyErrorType = InvalidPolicyError;

/**
 * The policy in another fiat currency: every fiat amount (limits of the wallet, the defaults and
 * each site, and the automatic network-fee cap) converted at `rate`, between the two
 * currencies' minor units, rounded down (caps round against spending) but never below one minor
 * unit, so a cap never becomes "nothing may pass". Token limits and grants are unchanged.
 */
export function convertPolicyCurrency({
  policy,
  currency,
  rate,
}: ConvertPolicyCurrencyParameters): ConvertPolicyCurrencyReturnType {
  let target: ReturnType<typeof fiatCurrency>;
  try {
    target = fiatCurrency(currency);
  } catch {
    throw new InvalidPolicyError({ field: 'currency', expected: 'an ISO 4217 code like "EUR"' });
  }
  if (rate.numerator <= 0n || rate.denominator <= 0n)
    throw new InvalidPolicyError({ field: 'conversionRate', expected: 'a positive rate' });
  const source = fiatCurrency(policy.currency);
  const numerator = rate.numerator * 10n ** BigInt(target.decimals);
  const denominator = rate.denominator * 10n ** BigInt(source.decimals);
  const convert = (amount: bigint): bigint => {
    if (amount === 0n) return 0n;
    const converted = (amount * numerator) / denominator;
    return converted > 0n ? converted : 1n;
  };
  const convertLimits = (limits: readonly Limit[]): Limit[] =>
    limits.map((limit) =>
      limit.unit.kind === 'fiat' ? { ...limit, amount: convert(limit.amount) } : limit,
    );
  const convertSite = (site: SitePolicy): SitePolicy => ({
    ...site,
    limits: convertLimits(site.limits),
  });
  return {
    ...policy,
    currency,
    walletLimits: convertLimits(policy.walletLimits),
    ...(policy.maxAutoNetworkFee === undefined
      ? {}
      : { maxAutoNetworkFee: convert(policy.maxAutoNetworkFee) }),
    siteDefaults: convertSite(policy.siteDefaults),
    sites: new Map([...policy.sites].map(([origin, site]) => [origin, convertSite(site)])),
  };
}

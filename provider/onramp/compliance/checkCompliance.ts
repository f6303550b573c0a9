import type { Asset } from '../../../shared/money/Asset.ts';
import type { ComplianceRefusal, CompliancePolicy, ComplianceRegion } from './ComplianceRule.ts';

export type CheckComplianceParameters = {
  policy: CompliancePolicy;
  country: string;
  walletAddress: string;
  fiatCurrency: Asset;
  fiatAmountMinor: bigint;
};
export type CheckComplianceReturnType =
  | { readonly isAllowed: true; readonly region: string }
  | { readonly isAllowed: false; readonly refusal: ComplianceRefusal };

/**
 * Runs the policy for one order: the region that lists the shopper's country (or the `*` region),
 * then its rules in the operator's order; the first refusal wins. A country in no region is not
 * served.
 */
export function checkCompliance({
  policy,
  country,
  walletAddress,
  fiatCurrency,
  fiatAmountMinor,
}: CheckComplianceParameters): CheckComplianceReturnType {
  const region = findRegion(policy.regions, country);
  if (region === undefined) {
    return {
      isAllowed: false,
      refusal: {
        code: 'onramp_country_not_served',
        message: `On-ramp purchases are not offered in ${country}.`,
        param: 'country',
        rule: 'regions',
      },
    };
  }
  const context = { country, walletAddress, fiatCurrency, fiatAmountMinor, region: region.name };
  for (const rule of region.rules) {
    const refusal = rule.check(context);
    if (refusal !== undefined) return { isAllowed: false, refusal };
  }
  return { isAllowed: true, region: region.name };
}

function findRegion(
  regions: readonly ComplianceRegion[],
  country: string,
): ComplianceRegion | undefined {
  return (
    regions.find(({ countries }) => countries !== '*' && countries.has(country)) ??
    regions.find(({ countries }) => countries === '*')
  );
}

import type { ComplianceRule } from './ComplianceRule.ts';
import { normalizeAddress } from './normalizeAddress.ts';

export type CreateDenyListRuleParameters = {
  /** EIP-55 forms (`parseDenyList`). */
  addresses: ReadonlySet<string>;
};
export type CreateDenyListRuleReturnType = ComplianceRule;

/**
 * `deny_list`: sanctions screening of the receiving address against the operator's list file
 * (`onramp_address_denied`). The comparison is on EIP-55 forms, so letter case never lets an
 * address through.
 */
export function createDenyListRule({
  addresses,
}: CreateDenyListRuleParameters): CreateDenyListRuleReturnType {
  const type = 'deny_list';
  return {
    type,
    check({ walletAddress }) {
      const address = normalizeAddress(walletAddress);
      if (address !== undefined && !addresses.has(address)) return undefined;
      return {
        code: 'onramp_address_denied',
        message:
          'This wallet address is on the deny list (sanctions screening); it cannot receive on-ramp purchases.',
        param: 'wallet_address',
        rule: type,
      };
    },
  };
}

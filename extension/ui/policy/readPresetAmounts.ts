import type { SitePolicyJson } from '../../../shared/protocol/policyMessages.ts';

export type ReadPresetAmountsReturnType = {
  /** Minor units of the wallet currency, decimal strings; absent when the policy has no such cap. */
  readonly perPayment?: string;
  readonly perDay?: string;
};

/**
 * The per-payment and per-day caps in the wallet's currency that "Trusted shop" and
 * "Micropayments" are sized by, read back from a site's policy (to fill the preset form).
 */
export function readPresetAmounts(policy: SitePolicyJson): ReadPresetAmountsReturnType {
  const fiat = policy.limits.filter((limit) => limit.unit.kind === 'fiat');
  const perPayment = fiat.find((limit) => limit.window === 'transaction')?.amount;
  const perDay = fiat.find((limit) => limit.window === 'day')?.amount;
  return {
    ...(perPayment === undefined ? {} : { perPayment }),
    ...(perDay === undefined ? {} : { perDay }),
  };
}

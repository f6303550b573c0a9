import { fiatCurrency } from '../../../../shared/money/fiatCurrency.ts';
import type { SitesOverview } from '../../../../shared/protocol/policyMessages.ts';
import type { LedgerView } from '../LedgerView.ts';
import type { PolicyState } from '../Policy.ts';
import type { PriceSnapshot } from '../PriceSnapshot.ts';
import type { AssetNames } from './createAssetNames.ts';
import { buildSiteView } from './buildSiteView.ts';
import type { SiteFacts } from './buildSiteView.ts';
import { readLimitUsage } from './readLimitUsage.ts';

export type BuildSitesOverviewParameters = {
  policy: PolicyState;
  ledger: LedgerView;
  prices: PriceSnapshot;
  names: AssetNames;
  /** By origin: connected sites and sites with activity. */
  facts: ReadonlyMap<string, SiteFacts>;
  /** Epoch ms. */
  now: number;
};
export type BuildSitesOverviewReturnType = SitesOverview;

/**
 * The "Sites" page: every site that is connected, has its own policy or has activity, newest
 * activity first, with usage per window; the kill switch and the wallet-wide caps.
 */
export function buildSitesOverview(
  parameters: BuildSitesOverviewParameters,
): BuildSitesOverviewReturnType {
  const { policy, ledger, prices, names, facts, now } = parameters;
  const origins = new Set([...policy.sites.keys(), ...facts.keys()]);
  const sites = [...origins]
    .map((origin) => buildSiteView({ ...parameters, origin, facts: facts.get(origin) ?? {} }))
    .sort(
      (left, right) =>
        (right.lastActivityAt ?? 0) - (left.lastActivityAt ?? 0) ||
        left.origin.localeCompare(right.origin),
    );
  return {
    currency: policy.currency,
    currencyDecimals: fiatCurrency(policy.currency).decimals,
    isFrozen: policy.isFrozen,
    walletLimits: policy.walletLimits.map((limit) =>
      readLimitUsage({ limit, scope: { kind: 'wallet' }, ledger, policy, prices, names, now }),
    ),
    sites,
  };
}

import type { SitePolicyJson, SiteView } from '../../../../shared/protocol/policyMessages.ts';
import type { LedgerView } from '../LedgerView.ts';
import { limitWindowMilliseconds } from '../Policy.ts';
import type { PolicyState } from '../Policy.ts';
import type { PriceSnapshot } from '../PriceSnapshot.ts';
import { serializePolicy } from '../serializePolicy.ts';
import type { AssetNames } from './createAssetNames.ts';
import { readFiatSince, readLimitUsage, spentWindows } from './readLimitUsage.ts';
import { toGrantView } from './toGrantView.ts';

export type SiteFacts = {
  /** EIP-2255: the accounts the site may see, when connected. */
  readonly accounts?: readonly `0x${string}`[];
  readonly lastActivityAt?: number;
};

export type BuildSiteViewParameters = {
  policy: PolicyState;
  ledger: LedgerView;
  prices: PriceSnapshot;
  names: AssetNames;
  origin: string;
  facts: SiteFacts;
  /** Epoch ms. */
  now: number;
};
export type BuildSiteViewReturnType = SiteView;

/** One site as the "Sites" page shows it: its policy (or the defaults), usage, grants. */
export function buildSiteView({
  policy,
  ledger,
  prices,
  names,
  origin,
  facts,
  now,
}: BuildSiteViewParameters): BuildSiteViewReturnType {
  const own = policy.sites.get(origin);
  const site = own ?? policy.siteDefaults;
  const scope = { kind: 'site', origin } as const;
  const serialized = serializePolicy({ ...policy, sites: new Map([[origin, site]]) });
  const nowSeconds = Math.floor(now / 1000);
  return {
    origin,
    hasOwnPolicy: own !== undefined,
    preset: site.preset,
    policy: (serialized.sites as Record<string, SitePolicyJson>)[origin] as SitePolicyJson,
    isConnected: facts.accounts !== undefined && facts.accounts.length > 0,
    accounts: facts.accounts ?? [],
    limits: site.limits.map((limit) =>
      readLimitUsage({ limit, scope, ledger, policy, prices, names, now }),
    ),
    spent: spentWindows.map((window) => {
      const fiat = readFiatSince({
        scope,
        since: now - limitWindowMilliseconds[window],
        ledger,
        policy,
        prices,
        now,
      });
      return { window, value: fiat.value.toString(), isUnknown: fiat.isUnknown };
    }),
    grants: site.grants.map((grant) => toGrantView({ grant, origin, ledger, names, nowSeconds })),
    ...(facts.lastActivityAt === undefined ? {} : { lastActivityAt: facts.lastActivityAt }),
  };
}

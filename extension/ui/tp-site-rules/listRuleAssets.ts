import { knownNetworks } from '../../../shared/chains/networks.ts';
import type { Network } from '../../../shared/chains/networks.ts';
import type { SitePolicyJson } from '../../../shared/protocol/policyMessages.ts';
import { shortenAddress } from '../shortenAddress.ts';
import type { RuleAssetOption } from './RulesDraft.ts';
import { ruleAssetKey } from './ruleAssetKey.ts';

export type ListRuleAssetsParameters = {
  /** What the site is limited to now: an asset no list has stays choosable (and chosen). */
  readonly allowedAssets?: SitePolicyJson['allowedAssets'];
  readonly networks?: readonly Network[];
};
export type ListRuleAssetsReturnType = readonly RuleAssetOption[];

/**
 * Every asset a site can be limited to: each network's native coin and the tokens the wallet
 * itself lists for it (never a symbol a site suggested), then any asset already allowed.
 */
export function listRuleAssets({
  allowedAssets = [],
  networks = knownNetworks,
}: ListRuleAssetsParameters): ListRuleAssetsReturnType {
  const options: RuleAssetOption[] = [];
  const seen = new Set<string>();
  const add = (option: RuleAssetOption) => {
    if (seen.has(option.key)) return;
    seen.add(option.key);
    options.push(option);
  };
  for (const network of networks) {
    add({
      key: ruleAssetKey({ chainId: network.chainId, asset: 'native' }),
      chainId: network.chainId,
      asset: 'native',
      symbol: network.nativeCurrency.symbol,
      networkName: network.name,
    });
    for (const token of network.tokens)
      add({
        key: ruleAssetKey({ chainId: network.chainId, asset: token.address }),
        chainId: network.chainId,
        asset: token.address,
        symbol: token.symbol,
        networkName: network.name,
      });
  }
  for (const { chainId, asset } of allowedAssets) {
    const networkName = networks.find((network) => network.chainId === chainId)?.name;
    add({
      key: ruleAssetKey({ chainId, asset }),
      chainId,
      asset,
      symbol: asset === 'native' ? 'native' : shortenAddress(asset),
      ...(networkName === undefined ? {} : { networkName }),
    });
  }
  return options;
}

import { knownNetworks } from '../../../shared/chains/networks.ts';
import type { SitePolicyJson } from '../../../shared/protocol/policyMessages.ts';
import type { WalletNetworkView } from '../../../shared/protocol/walletUiMessages.ts';
import { shortenAddress } from '../shortenAddress.ts';
import type { RuleAssetOption } from './RulesDraft.ts';
import { ruleAssetKey } from './ruleAssetKey.ts';

export type ListRuleAssetsParameters = {
  /** What the site is limited to now: an asset no list has stays choosable (and chosen). */
  readonly allowedAssets?: SitePolicyJson['allowedAssets'];
  /** The wallet's networks (`getSite`): built-in ones and those sites added, with their tokens. */
  readonly networks?: readonly WalletNetworkView[];
};
export type ListRuleAssetsReturnType = readonly RuleAssetOption[];

/**
 * Every asset a site can be limited to: each network's native coin and its tokens (the wallet's
 * own list, then those sites asked it to watch, marked as theirs), then any asset already
 * allowed. An asset is its chain and address, so a watched "USDC" is never the listed one.
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
    const onNetwork = {
      chainId: network.chainId,
      networkName: network.name,
      ...(network.isAddedBySite === true ? { isNetworkAddedBySite: true } : {}),
    };
    add({
      key: ruleAssetKey({ chainId: network.chainId, asset: 'native' }),
      asset: 'native',
      symbol: network.nativeCurrency.symbol,
      ...onNetwork,
    });
    for (const token of network.tokens)
      add({
        key: ruleAssetKey({ chainId: network.chainId, asset: token.address }),
        asset: token.address,
        symbol: token.symbol,
        ...onNetwork,
        ...(token.isAddedBySite === true ? { isAddedBySite: true } : {}),
      });
  }
  for (const { chainId, asset } of allowedAssets) {
    const network = networks.find((candidate) => candidate.chainId === chainId);
    add({
      key: ruleAssetKey({ chainId, asset }),
      chainId,
      asset,
      symbol: asset === 'native' ? 'native' : shortenAddress(asset),
      ...(network === undefined ? {} : { networkName: network.name }),
      ...(network?.isAddedBySite === true ? { isNetworkAddedBySite: true } : {}),
    });
  }
  return options;
}

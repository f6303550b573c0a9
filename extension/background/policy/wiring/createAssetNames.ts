import type { ChainAssetReference } from '../Policy.ts';
import { toAssetKey } from '../toAssetKey.ts';
import type { PricedNetwork } from './createPriceSource.ts';

/** A token's display name and decimals from the wallet's own lists; undefined when unknown. */
export type AssetNames = (
  asset: ChainAssetReference,
) => { readonly symbol: string; readonly decimals: number } | undefined;
export type CreateAssetNamesReturnType = AssetNames;

/** Names every native coin and listed token of `networks` (the wallet's, never a site's words). */
export function createAssetNames(networks: readonly PricedNetwork[]): CreateAssetNamesReturnType {
  const names = new Map<string, { symbol: string; decimals: number }>();
  for (const network of networks) {
    names.set(toAssetKey({ chainId: network.chainId, asset: 'native' }), {
      symbol: network.nativeSymbol,
      decimals: 18,
    });
    for (const token of network.tokens)
      names.set(toAssetKey({ chainId: network.chainId, asset: token.address }), {
        symbol: token.symbol,
        decimals: token.decimals,
      });
  }
  return (asset) => names.get(toAssetKey(asset));
}

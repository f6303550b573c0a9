import type { ChainAsset } from './ChainAsset.ts';
import { chainAssets } from './chainAssets.ts';

export type FindChainAssetParameters = {
  chainId: number;
  /** The ticker, case-sensitive (`USDC`). */
  symbol: string;
  /** Defaults to every asset the provider knows (`chainAssets`). */
  assets?: readonly ChainAsset[];
};
export type FindChainAssetReturnType = ChainAsset | undefined;

/** The asset `symbol` on chain `chainId`, or `undefined` when that chain has no such asset. */
export function findChainAsset({
  chainId,
  symbol,
  assets = chainAssets,
}: FindChainAssetParameters): FindChainAssetReturnType {
  return assets.find((asset) => asset.chainId === chainId && asset.symbol === symbol);
}

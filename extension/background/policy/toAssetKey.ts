import type { ChainAssetReference } from './Policy.ts';

export type ToAssetKeyReturnType = string;

/**
 * One string per asset on a chain (`31337:native`, `1:0xa0b8…` in lower case), for maps and
 * indexes: two spellings of one address are one asset.
 */
export function toAssetKey({ chainId, asset }: ChainAssetReference): ToAssetKeyReturnType {
  return `${chainId}:${asset === 'native' ? 'native' : asset.toLowerCase()}`;
}

import type { ChainAsset } from './ChainAsset.ts';
import { devChainTokens } from './devChainTokens.ts';
import { localDevChain } from './localDevChain.ts';

/** Every asset the provider can take payment in, by chain: for now the dev chain's ETH and tokens. */
export const chainAssets: readonly ChainAsset[] = [
  {
    kind: 'crypto',
    chainId: localDevChain.id,
    symbol: 'ETH',
    name: 'Ether',
    decimals: 18,
    address: null,
  },
  ...devChainTokens.map((token): ChainAsset => ({
    kind: 'crypto',
    chainId: localDevChain.id,
    ...token,
  })),
];

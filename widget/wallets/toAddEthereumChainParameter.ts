import { hexQuantity } from './hexQuantity.ts';
import type { Network } from '../../shared/chains/networks.ts';

/** EIP-3085's parameter as sent to a wallet: chain id as hex, names, RPC and explorer URLs. */
export type AddEthereumChainRequestParameter = {
  chainId: `0x${string}`;
  chainName: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  rpcUrls: string[];
  blockExplorerUrls?: string[];
};
export type ToAddEthereumChainParameterReturnType = AddEthereumChainRequestParameter;

/** What `wallet_addEthereumChain` needs to add one of the known networks to a wallet. */
export function toAddEthereumChainParameter(
  network: Network,
): ToAddEthereumChainParameterReturnType {
  const { name, symbol, decimals } = network.nativeCurrency;
  return {
    chainId: hexQuantity(network.chainId),
    chainName: network.name,
    nativeCurrency: { name, symbol, decimals },
    rpcUrls: [...network.rpcUrls],
    ...(network.blockExplorerUrl === undefined
      ? {}
      : { blockExplorerUrls: [network.blockExplorerUrl] }),
  };
}

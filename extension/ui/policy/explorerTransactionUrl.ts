import { knownNetworks } from '../../../shared/chains/networks.ts';
import type { Network } from '../../../shared/chains/networks.ts';

export type ExplorerTransactionUrlReturnType = string | undefined;

/**
 * The block explorer's page for a transaction, when the chain is one the wallet ships with and
 * that chain has an explorer. Only the built-in list is used: an explorer a site supplied (with
 * wallet_addEthereumChain) is that site's word, not a place to send people from the wallet.
 */
export function explorerTransactionUrl(
  chainId: number,
  hash: string,
  networks: readonly Network[] = knownNetworks,
): ExplorerTransactionUrlReturnType {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hash)) return undefined;
  const explorer = networks.find((network) => network.chainId === chainId)?.blockExplorerUrl;
  if (explorer === undefined) return undefined;
  return `${explorer.replace(/\/+$/, '')}/tx/${hash.toLowerCase()}`;
}

import { knownNetworks } from '../../../shared/chains/networks.ts';
import type { WalletNetworkView } from '../../../shared/protocol/walletUiMessages.ts';

export type ExplorerTransactionUrlReturnType = string | undefined;

/**
 * The block explorer's page for a transaction, when the wallet knows the chain and that chain has
 * an explorer: the built-in list by default, or the wallet's networks (`getSite`), where a network
 * a site added brings the explorer the user saw and approved with it (EIP-3085). Only an https
 * explorer is linked: a page the wallet sends people to must not be readable or changeable on the
 * way, and no other scheme (javascript:, data:) may ever become a link.
 */
export function explorerTransactionUrl(
  chainId: number,
  hash: string,
  networks: readonly Pick<WalletNetworkView, 'chainId' | 'blockExplorerUrl'>[] = knownNetworks,
): ExplorerTransactionUrlReturnType {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hash)) return undefined;
  const explorer = networks.find((network) => network.chainId === chainId)?.blockExplorerUrl;
  if (explorer === undefined || !isHttpsUrl(explorer)) return undefined;
  return `${explorer.replace(/\/+$/, '')}/tx/${hash.toLowerCase()}`;
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

import { localDevChain } from '../../../shared/chains/localDevChain.ts';
import type { WalletStatus } from '../../../shared/protocol/walletUiMessages.ts';
import type { StorageArea } from '../wallet/StorageArea.ts';

export type ActiveNetwork = WalletStatus['network'];

export const activeNetworkKey = 'network';

/**
 * The network the wallet talks to: a stored choice, else the local dev chain. (Adding and
 * switching networks arrives with the dapp-facing provider; tests point the dev chain at their
 * own port by storing `network`.)
 */
export async function readActiveNetwork(local: StorageArea): Promise<ActiveNetwork> {
  const stored = (await local.get([activeNetworkKey]))[activeNetworkKey];
  if (typeof stored === 'object' && stored !== null) {
    const { chainId, name, rpcUrl } = stored as Record<string, unknown>;
    if (
      Number.isSafeInteger(chainId) &&
      typeof name === 'string' &&
      typeof rpcUrl === 'string' &&
      /^https?:\/\//.test(rpcUrl)
    ) {
      return { chainId: chainId as number, name, rpcUrl };
    }
  }
  return {
    chainId: localDevChain.id,
    name: localDevChain.name,
    rpcUrl: localDevChain.rpcUrls.default.http[0],
  };
}

import { findNetwork } from '../../shared/chains/findNetwork.ts';
import type { Eip1193Provider } from './Eip1193Provider.ts';
import { classifyWalletError } from './classifyWalletError.ts';
import { hexQuantity } from './hexQuantity.ts';
import { readWalletChainId } from './readWalletChainId.ts';
import { toAddEthereumChainParameter } from './toAddEthereumChainParameter.ts';

export type SwitchWalletChainParameters = {
  provider: Eip1193Provider;
  chainId: number;
};
/** The chain the wallet is on afterwards (the caller compares it with the one it asked for). */
export type SwitchWalletChainReturnType = number;

/**
 * Puts the wallet on `chainId`: `wallet_switchEthereumChain`; if the wallet does not know the
 * chain (4902) and it is one of the known networks, `wallet_addEthereumChain` with its
 * parameters, then switch again (EIP-3085 leaves it to the wallet whether adding also switches).
 */
export async function switchWalletChain({
  provider,
  chainId,
}: SwitchWalletChainParameters): Promise<SwitchWalletChainReturnType> {
  const switchTo = () =>
    provider.request({
      method: 'wallet_switchEthereumChain',
      params: [{ chainId: hexQuantity(chainId) }],
    });
  try {
    await switchTo();
  } catch (error) {
    const network = findNetwork(chainId);
    if (classifyWalletError(error).kind !== 'unrecognized-chain' || network === undefined)
      throw error;
    await provider.request({
      method: 'wallet_addEthereumChain',
      params: [toAddEthereumChainParameter(network)],
    });
    if ((await readWalletChainId(provider)) !== chainId) await switchTo();
  }
  return readWalletChainId(provider);
}

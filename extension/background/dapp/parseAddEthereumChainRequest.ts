import { parseAddEthereumChainParameter } from '../../../shared/chains/parseAddEthereumChainParameter.ts';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import { TpError } from '../../../shared/errors/TpError.ts';
import type { WalletNetwork } from './NetworkStore.ts';

export type ParseAddEthereumChainRequestReturnType = WalletNetwork;
export type ParseAddEthereumChainRequestErrorType = ProviderRpcError;

/**
 * A site's `wallet_addEthereumChain` parameter (EIP-3085) as the network the wallet would store;
 * anything malformed is an EIP-1474 invalid-params error naming the field at fault.
 */
export function parseAddEthereumChainRequest(
  value: unknown,
): ParseAddEthereumChainRequestReturnType {
  let parameter;
  try {
    parameter = parseAddEthereumChainParameter(value);
  } catch (error) {
    const param = error instanceof TpError ? error.details.param : undefined;
    const message = error instanceof TpError ? error.shortMessage : 'Invalid chain parameters.';
    throw new ProviderRpcError('invalidParams', message, {
      param: typeof param === 'string' ? param : 'params[0]',
    });
  }
  const blockExplorerUrl = parameter.blockExplorerUrls?.[0];
  return {
    chainId: parameter.chainId,
    name: parameter.chainName,
    rpcUrls: parameter.rpcUrls,
    nativeSymbol: parameter.nativeCurrency.symbol,
    ...(blockExplorerUrl === undefined ? {} : { blockExplorerUrl }),
    tokens: [],
  };
}

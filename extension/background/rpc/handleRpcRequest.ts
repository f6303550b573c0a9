import { numberToHex } from 'viem';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import type { RpcRequest } from '../../../shared/protocol/walletMessages.ts';

export type HandleRpcRequestParameters = {
  readonly request: RpcRequest;
  /** The requesting site, from the browser (see resolveSenderOrigin). */
  readonly origin: string;
  readonly activeChainId: number;
};

/**
 * Answers one EIP-1193 request for one site. The full method set (accounts, signing, sending,
 * permissions) arrives with the dapp-facing provider; until then only the chain id is served.
 */
export function handleRpcRequest({ request, activeChainId }: HandleRpcRequestParameters): unknown {
  switch (request.method) {
    case 'eth_chainId':
      return numberToHex(activeChainId);
    default:
      throw new ProviderRpcError(
        'unsupportedMethod',
        `The method "${request.method}" is not supported.`,
        {
          method: request.method,
        },
      );
  }
}

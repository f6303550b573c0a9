/**
 * Asks an RPC endpoint which chain it serves (`eth_chainId`) before the wallet trusts it for
 * a chain: a site adding a chain (EIP-3085), or the chain client's first use of an endpoint.
 * Trusted: nothing the endpoint says beyond its answer being compared with the expected id.
 */
import { createPublicClient, http } from 'viem';
import { ChainIdMismatchError, RpcUnreachableError } from './errors.ts';

export type VerifyRpcChainIdParameters = {
  rpcUrl: string;
  expectedChainId: number;
  /** Per request; there is no retry. */
  timeoutMs: number;
};
export type VerifyRpcChainIdErrorType = ChainIdMismatchError | RpcUnreachableError;

const quantityPattern = /^0x(0|[1-9a-fA-F][0-9a-fA-F]{0,63})$/;

/** Resolves when `rpcUrl` answers `eth_chainId` with `expectedChainId`; throws otherwise. */
export async function verifyRpcChainId({
  rpcUrl,
  expectedChainId,
  timeoutMs,
}: VerifyRpcChainIdParameters): Promise<void> {
  const client = createPublicClient({
    transport: http(rpcUrl, { retryCount: 0, timeout: timeoutMs }),
  });
  let answer: unknown;
  try {
    answer = await client.request({ method: 'eth_chainId' });
  } catch (error) {
    throw new RpcUnreachableError({
      rpcUrls: [rpcUrl],
      method: 'eth_chainId',
      reason: 'no answer to eth_chainId',
      cause: error,
    });
  }
  if (typeof answer !== 'string' || !quantityPattern.test(answer)) {
    throw new RpcUnreachableError({
      rpcUrls: [rpcUrl],
      method: 'eth_chainId',
      reason: 'eth_chainId answer is not a hex quantity',
    });
  }
  const actualChainId = BigInt(answer);
  if (actualChainId !== BigInt(expectedChainId)) {
    throw new ChainIdMismatchError({ rpcUrl, expectedChainId, actualChainId });
  }
}

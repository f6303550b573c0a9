import { BaseError, RpcRequestError } from 'viem';
import { TpError } from '../../../shared/errors/TpError.ts';
import { ChainRpcError, EndpointFailedError, RpcUnreachableError } from './errors.ts';
import { findCause } from './findCause.ts';

export type ToChainErrorParameters = {
  method: string;
  rpcUrls: readonly string[];
};
export type ToChainErrorReturnType = TpError;

/**
 * What callers of the chain client see when a call fails: `chain/rpc-unreachable` when the last
 * endpoint tried failed as an endpoint (so all of them did), `chain/rpc-error` with the node's
 * code and message when a node answered with an error, our own errors unchanged, and anything
 * else (viem rejecting a malformed answer, a chain without EIP-1559 fees) as `chain/rpc-error`
 * without a code.
 */
export function toChainError(
  error: unknown,
  { method, rpcUrls }: ToChainErrorParameters,
): ToChainErrorReturnType {
  if (error instanceof TpError && !(error instanceof EndpointFailedError)) return error;
  const endpointFailure = findCause(
    error,
    (candidate): candidate is EndpointFailedError => candidate instanceof EndpointFailedError,
  );
  if (endpointFailure !== undefined) {
    return new RpcUnreachableError({ rpcUrls, method, cause: error });
  }
  const rpcError = findCause(
    error,
    (candidate): candidate is RpcRequestError => candidate instanceof RpcRequestError,
  );
  if (rpcError !== undefined) {
    return new ChainRpcError({
      method,
      rpcCode: rpcError.code,
      rpcMessage: rpcError.details,
      rpcData: rpcError.data,
      cause: error,
    });
  }
  const rpcMessage =
    error instanceof BaseError
      ? error.shortMessage
      : error instanceof Error
        ? error.message
        : String(error);
  return new ChainRpcError({ method, rpcCode: undefined, rpcMessage, cause: error });
}

/**
 * One RPC endpoint as a viem transport that reports to the network's health tracker and that
 * viem's `fallback` can fail over from.
 *
 * What counts against an endpoint: no answer, an HTTP error, a timeout, a malformed answer, a
 * different chain id, or a JSON-RPC error that says the endpoint itself is the problem (rate
 * limited, method not served, unavailable). Those are rethrown as `EndpointFailedError`, which
 * tells `fallback` to try the next endpoint. Any other JSON-RPC error is the node's answer (a
 * revert, a rejected transaction); another endpoint would say the same, so it goes to the caller
 * as is and counts as a success. The chain id is checked once per endpoint before its first use.
 */
import { http, RpcRequestError } from 'viem';
import type { EIP1193RequestFn, Transport } from 'viem';
import type { EndpointHealthTracker } from './createEndpointHealthTracker.ts';
import { EndpointFailedError, RpcUnreachableError } from './errors.ts';
import { findCause } from './findCause.ts';
import { verifyRpcChainId } from './verifyRpcChainId.ts';

export type TrackedHttpParameters = {
  rpcUrl: string;
  expectedChainId: number;
  timeoutMs: number;
  health: EndpointHealthTracker;
};

/** JSON-RPC codes that blame the endpoint, not the request: limit exceeded, resource unavailable,
 * method not found / not supported, disconnected, and the 429 some providers put in the body. */
const endpointTroubleCodes = new Set([-32005, -32002, -32601, -32004, 4900, 4901, 429]);

export function trackedHttp({
  rpcUrl,
  expectedChainId,
  timeoutMs,
  health,
}: TrackedHttpParameters): Transport {
  const endpoint = http(rpcUrl, { retryCount: 0, timeout: timeoutMs });
  let chainIdCheck: Promise<void> | undefined;
  const checkChainIdOnce = (): Promise<void> => {
    chainIdCheck ??= verifyRpcChainId({ rpcUrl, expectedChainId, timeoutMs }).catch(
      (error: unknown) => {
        chainIdCheck = undefined;
        throw error;
      },
    );
    return chainIdCheck;
  };

  return (options) => {
    const inner = endpoint({ ...options, retryCount: 0 });
    const request = async (
      args: Parameters<EIP1193RequestFn>[0],
      requestOptions?: Parameters<EIP1193RequestFn>[1],
    ): Promise<unknown> => {
      if (health.shouldSkip(rpcUrl)) {
        throw new EndpointFailedError({ rpcUrl, reason: 'cooling down after a failure' });
      }
      try {
        await checkChainIdOnce();
      } catch (error) {
        // A mismatch is the news; for no answer, what went wrong on the wire (HTTP 500, timeout).
        health.recordFailure(rpcUrl, error instanceof RpcUnreachableError ? error.cause : error);
        throw new EndpointFailedError({ rpcUrl, reason: 'chain id not confirmed', cause: error });
      }
      let response: unknown;
      try {
        response = await inner.request(args, requestOptions);
      } catch (error) {
        if (!blamesEndpoint(error)) {
          health.recordSuccess(rpcUrl);
          throw error;
        }
        health.recordFailure(rpcUrl, error);
        throw new EndpointFailedError({ rpcUrl, reason: 'request failed', cause: error });
      }
      // JSON has no `undefined`: the answer had neither `result` nor `error`.
      if (response === undefined) {
        const error = new EndpointFailedError({ rpcUrl, reason: 'answer without a result' });
        health.recordFailure(rpcUrl, error);
        throw error;
      }
      health.recordSuccess(rpcUrl);
      return response;
    };
    return { ...inner, request: request as EIP1193RequestFn };
  };
}

function blamesEndpoint(error: unknown): boolean {
  const rpcError = findCause(
    error,
    (candidate): candidate is RpcRequestError => candidate instanceof RpcRequestError,
  );
  // No JSON-RPC error object at all: HTTP failure, timeout, unreadable body, network error.
  if (rpcError === undefined) return true;
  // A JSON-RPC error in a non-2xx response (a gateway or rate limiter answering for the node).
  if (rpcError.status !== undefined) return true;
  return endpointTroubleCodes.has(rpcError.code);
}

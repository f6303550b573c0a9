import { ProviderRpcError } from '../errors/ProviderRpcError.ts';
import type { RpcRequest } from './walletMessages.ts';

const maxMethodLength = 128;

/** Validates an EIP-1193 `RequestArguments` object from untrusted code. */
export function parseRpcRequest(value: unknown): RpcRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProviderRpcError('invalidRequest', 'Expected a request object { method, params }.');
  }
  const { method, params } = value as Record<string, unknown>;
  if (typeof method !== 'string' || method.length === 0 || method.length > maxMethodLength) {
    throw new ProviderRpcError('invalidRequest', 'Expected "method" to be a non-empty string.', {
      param: 'method',
    });
  }
  if (params === undefined) return { method };
  if (typeof params !== 'object' || params === null) {
    throw new ProviderRpcError('invalidParams', 'Expected "params" to be an array or an object.', {
      param: 'params',
    });
  }
  return { method, params: params as RpcRequest['params'] & object };
}

import type { RpcErrorPayload } from '../../shared/errors/ProviderRpcError.ts';

/** The error a page sees: an Error with EIP-1193's numeric `code` and optional `data`. */
export class ProviderError extends Error {
  override name = 'ProviderRpcError';
  readonly code: number;
  readonly data?: unknown;

  constructor({ code, message, data }: RpcErrorPayload) {
    super(message);
    this.code = code;
    if (data !== undefined) this.data = data;
  }
}

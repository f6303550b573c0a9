import { TpError } from './TpError.ts';

/**
 * Wallet-facing errors, in the codes EIP-1193 and EIP-1474 define. This table is the only place
 * those numbers appear; everything else names the reason.
 */
export const providerErrorCodes = {
  userRejected: 4001,
  unauthorized: 4100,
  unsupportedMethod: 4200,
  disconnected: 4900,
  chainDisconnected: 4901,
  unrecognizedChain: 4902,
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  resourceUnavailable: -32002,
  transactionRejected: -32003,
  limitExceeded: -32005,
} as const;

export type ProviderErrorReason = keyof typeof providerErrorCodes;

/** The plain object that crosses the page boundary (EIP-1193 `ProviderRpcError` shape). */
export type RpcErrorPayload = { code: number; message: string; data?: unknown };

export class ProviderRpcError extends TpError {
  override name = 'ProviderRpcError';
  readonly rpcCode: number;

  constructor(
    reason: ProviderErrorReason,
    shortMessage: string,
    details?: Record<string, unknown>,
  ) {
    super({ code: `rpc/${reason}`, shortMessage, ...(details ? { details } : {}) });
    this.rpcCode = providerErrorCodes[reason];
  }

  toPayload(): RpcErrorPayload {
    return Object.keys(this.details).length === 0
      ? { code: this.rpcCode, message: this.shortMessage }
      : { code: this.rpcCode, message: this.shortMessage, data: this.details };
  }
}

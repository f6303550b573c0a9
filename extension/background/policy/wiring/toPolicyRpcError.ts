import { ProviderRpcError } from '../../../../shared/errors/ProviderRpcError.ts';
import { TpError } from '../../../../shared/errors/TpError.ts';

/** A ProviderRpcError for a policy error; anything else unchanged. */
export type ToPolicyRpcErrorReturnType = unknown;

/**
 * A policy error as the site sees it (EIP-1193 / EIP-1474): a malformed or unsupported ERC-7715
 * request is -32602 naming the field (and, for a type or rule TP Wallet does not grant, the
 * ones it does); a refused reservation is 4100. Anything else passes through unchanged.
 */
export function toPolicyRpcError(error: unknown): ToPolicyRpcErrorReturnType {
  if (error instanceof ProviderRpcError || !(error instanceof TpError)) return error;
  switch (error.code) {
    case 'policy/invalid-permission-request':
    case 'policy/unsupported-permission-type':
    case 'policy/unsupported-permission-rule':
    case 'policy/invalid':
      return new ProviderRpcError('invalidParams', error.shortMessage, {
        reason: error.code,
        ...error.details,
      });
    case 'policy/reservation-refused':
      return new ProviderRpcError('unauthorized', error.shortMessage, { reason: error.code });
    default:
      return error;
  }
}

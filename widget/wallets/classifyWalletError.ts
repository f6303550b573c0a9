import { providerErrorCodes } from '../../shared/errors/ProviderRpcError.ts';
import type { WalletFailure } from '../checkoutFlow/CheckoutEvent.ts';

export type ClassifyWalletErrorReturnType = WalletFailure;

const maxMessageLength = 200;

function codeOf(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, data } = error as { code?: unknown; data?: unknown };
  if (code !== undefined) return code;
  // Some wallets wrap the real error: `{ data: { originalError: { code: 4902 } } }`.
  const original = (data as { originalError?: { code?: unknown } } | null | undefined)
    ?.originalError;
  return original?.code;
}

function messageOf(error: unknown): string {
  let message: string;
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    message = (error as { message: string }).message;
  } else {
    try {
      message = String(error);
    } catch {
      // An object without a prototype (or with a throwing toString) has no text to offer.
      message = 'The wallet failed without a readable message.';
    }
  }
  return message.length <= maxMessageLength ? message : `${message.slice(0, maxMessageLength)}…`;
}

/**
 * What an EIP-1193 error means for the checkout: the shopper said no (4001), the wallet already
 * has a request open (-32002), the wallet does not know the chain (4902), or anything else. The
 * message is the wallet's own, bounded, for the console and the `failed` event.
 */
export function classifyWalletError(error: unknown): ClassifyWalletErrorReturnType {
  const code = codeOf(error);
  const message = messageOf(error);
  switch (code) {
    case providerErrorCodes.userRejected:
      return { kind: 'rejected', message };
    case providerErrorCodes.resourceUnavailable:
      return { kind: 'pending', message };
    case providerErrorCodes.unrecognizedChain:
      return { kind: 'unrecognized-chain', message };
    default:
      return { kind: 'other', message };
  }
}

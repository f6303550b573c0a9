import { TpError } from '../../shared/errors/TpError.ts';

/** The wallet answered, but not with what EIP-1193 / JSON-RPC says it returns. */
export class WalletResponseError extends TpError {
  override name = 'WalletResponseError';
  override readonly code = 'wallet/invalid-response';

  constructor({ method, expected }: { method: string; expected: string }) {
    super({
      code: 'wallet/invalid-response',
      shortMessage: `The wallet answered ${method} with something other than ${expected}.`,
      details: { method, expected },
    });
  }
}

import { TpError } from '../../../shared/errors/TpError.ts';

export type WalletErrorCode =
  | 'wallet/uninitialized'
  | 'wallet/already-initialized'
  | 'wallet/locked'
  | 'wallet/invalid-params'
  | 'vault/locked-out';

/** Wallet-level refusals (state and input), as opposed to vault or keyring errors. */
export class WalletError extends TpError {
  override name = 'WalletError';
  constructor(code: WalletErrorCode, shortMessage: string, details?: Record<string, unknown>) {
    super({ code, shortMessage, ...(details ? { details } : {}) });
  }
}

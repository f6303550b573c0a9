import { TpError } from '../../../shared/errors/TpError.ts';

/**
 * The keyring signers' own refusals (the inputs they check before touching a key); each `code` is
 * stable and part of the API. Typed-data and message format errors come from ../decode/errors.ts.
 */

/** A transaction the signer will not sign: not EIP-1559, or a field out of range. */
export class InvalidTransactionError extends TpError {
  override name = 'InvalidTransactionError';
  override readonly code = 'signing/invalid-transaction';

  constructor({ field, expected }: { field: string; expected: string }) {
    super({
      code: 'signing/invalid-transaction',
      shortMessage: `The transaction cannot be signed: ${field} must be ${expected}.`,
      details: { field, expected },
    });
  }
}

/** Typed data bound to another chain than the one the wallet is on. */
export class ChainMismatchError extends TpError {
  override name = 'ChainMismatchError';
  override readonly code = 'signing/chain-mismatch';

  constructor({ chainId, activeChainId }: { chainId: bigint; activeChainId: number }) {
    super({
      code: 'signing/chain-mismatch',
      shortMessage: `The typed data is for chain ${chainId.toString()}, but the wallet is on chain ${activeChainId}.`,
      details: { chainId: chainId.toString(), activeChainId },
    });
  }
}

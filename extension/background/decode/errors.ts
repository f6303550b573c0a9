import { TpError } from '../../../shared/errors/TpError.ts';

/**
 * The errors of reading what a site asks the wallet to sign; each `code` is stable and part of the
 * API. They answer a dapp with EIP-1474 "invalid params" (-32602). Details name the field, never
 * echo more than a short excerpt of the site's input.
 */

const maxEchoedLength = 80;

function excerpt(value: string): string {
  return value.length <= maxEchoedLength ? value : `${value.slice(0, maxEchoedLength)}…`;
}

/** eth_signTypedData_v4 input that is not well-formed EIP-712 or is too large. */
export class InvalidTypedDataError extends TpError {
  override name = 'InvalidTypedDataError';
  override readonly code = 'signing/invalid-typed-data';

  constructor({ field, expected, cause }: { field: string; expected: string; cause?: unknown }) {
    super({
      code: 'signing/invalid-typed-data',
      shortMessage: `The typed data cannot be signed: ${excerpt(field)} must be ${expected}.`,
      details: { field: excerpt(field), expected },
      cause,
    });
  }
}

/** personal_sign input that is neither hex bytes nor text, or is too large. */
export class InvalidPersonalMessageError extends TpError {
  override name = 'InvalidPersonalMessageError';
  override readonly code = 'signing/invalid-message';

  constructor({ reason }: { reason: string }) {
    super({
      code: 'signing/invalid-message',
      shortMessage: `The message cannot be signed: ${reason}.`,
      details: { reason },
    });
  }
}

/** A caller passed describeTransaction something the RPC layer should have rejected. */
export class InvalidDescribeInputError extends TpError {
  override name = 'InvalidDescribeInputError';
  override readonly code = 'decode/invalid-input';

  constructor({ field, expected }: { field: string; expected: string }) {
    super({
      code: 'decode/invalid-input',
      shortMessage: `Cannot describe the transaction: ${field} must be ${expected}.`,
      details: { field, expected },
    });
  }
}

import { TpError } from '../errors/TpError.ts';

const maxEchoedLength = 80;

function describeInput(input: unknown): string {
  if (typeof input === 'string') {
    return input.length <= maxEchoedLength
      ? input
      : `${input.slice(0, maxEchoedLength)}… (${input.length} characters)`;
  }
  if (typeof input === 'number' || typeof input === 'boolean' || input === undefined) {
    return String(input);
  }
  return input === null ? 'null' : `(${typeof input})`;
}

/** A quote field, a public key or a signature that is not in the form the signature covers. */
export class InvalidQuoteSignatureInputError extends TpError {
  override name = 'InvalidQuoteSignatureInputError';
  override readonly code = 'quote/invalid-signature-input';

  constructor({
    field,
    expected,
    received,
  }: {
    field: string;
    expected: string;
    received: unknown;
  }) {
    super({
      code: 'quote/invalid-signature-input',
      shortMessage: `Cannot check the quote's signature: ${field} must be ${expected}.`,
      details: { field, expected, received: describeInput(received) },
    });
  }
}

import { TpError } from '../../shared/errors/TpError.ts';

/** A quote or account that cannot make a valid payment transaction; nothing is sent. */
export class InvalidPaymentError extends TpError {
  override name = 'InvalidPaymentError';
  override readonly code = 'wallet/invalid-payment';

  constructor({ field, expected }: { field: string; expected: string }) {
    super({
      code: 'wallet/invalid-payment',
      shortMessage: `Cannot build the payment: ${field} must be ${expected}.`,
      details: { field, expected },
    });
  }
}

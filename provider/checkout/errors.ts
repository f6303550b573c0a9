import { TpError } from '../../shared/errors/TpError.ts';
import { ApiError } from '../http/errors.ts';

export class InvalidSessionTransitionError extends TpError {
  override name = 'InvalidSessionTransitionError';
  override readonly code = 'checkout/invalid-transition';

  constructor({ state, event }: { state: string; event: string }) {
    super({
      code: 'checkout/invalid-transition',
      shortMessage: `A checkout session in state ${state} cannot take the event ${event}.`,
      details: { state, event },
    });
  }
}

/** A checkout worker (the expiry sweeper) was given an option out of range. */
export class InvalidCheckoutOptionsError extends TpError {
  override name = 'InvalidCheckoutOptionsError';
  override readonly code = 'checkout/invalid-options';

  constructor({ option, expected }: { option: string; expected: string }) {
    super({
      code: 'checkout/invalid-options',
      shortMessage: `${option} must be ${expected}.`,
      details: { option, expected },
    });
  }
}

/** 404 for a session id that does not exist, or is another merchant's: the two look the same. */
export class CheckoutSessionNotFoundError extends ApiError {
  override name = 'CheckoutSessionNotFoundError';

  constructor() {
    super({ code: 'not_found', message: 'No such checkout session.', param: 'id' });
  }
}

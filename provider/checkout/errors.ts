import { TpError } from '../../shared/errors/TpError.ts';

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

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

import { TpError } from '../../shared/errors/TpError.ts';

/** The provider answered 2xx with a body that is not what its API promises; nothing is shown from it. */
export class InvalidProviderAnswerError extends TpError {
  override name = 'InvalidProviderAnswerError';
  override readonly code = 'provider/invalid-answer';

  constructor({ what, field }: { what: string; field: string }) {
    super({
      code: 'provider/invalid-answer',
      shortMessage: `The provider's ${what} has an invalid ${field}.`,
      details: { what, field },
    });
  }
}

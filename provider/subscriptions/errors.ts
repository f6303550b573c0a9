import { TpError } from '../../shared/errors/TpError.ts';

export class InvalidSubscriptionTransitionError extends TpError {
  override name = 'InvalidSubscriptionTransitionError';
  override readonly code = 'subscriptions/invalid-transition';

  constructor({ state, event }: { state: string; event: string }) {
    super({
      code: 'subscriptions/invalid-transition',
      shortMessage: `A subscription in state ${state} cannot take the event ${event}.`,
      details: { state, event },
    });
  }
}

export class InvalidSweeperOptionsError extends TpError {
  override name = 'InvalidSweeperOptionsError';
  override readonly code = 'subscriptions/invalid-sweeper-options';

  constructor({ option, expected }: { option: string; expected: string }) {
    super({
      code: 'subscriptions/invalid-sweeper-options',
      shortMessage: `Invalid subscription sweeper option: ${option} must be ${expected}.`,
      details: { option, expected },
    });
  }
}

import type { CheckoutEffect } from './CheckoutEffect.ts';
import type { CheckoutState } from './CheckoutState.ts';
import { createCheckoutContext } from './createCheckoutContext.ts';

export type RejectCheckoutConfigParameters = {
  /** The `session` attribute as given (possibly empty or malformed). */
  sessionId: string;
  /** One English sentence per bad or missing attribute (joined by newlines in the failure). */
  issues: readonly string[];
};
export type RejectCheckoutConfigReturnType = {
  readonly state: CheckoutState;
  readonly effects: readonly CheckoutEffect[];
};

/** The `error-config` state for attributes that cannot start a checkout, and its failed event. */
export function rejectCheckoutConfig({
  sessionId,
  issues,
}: RejectCheckoutConfigParameters): RejectCheckoutConfigReturnType {
  const failure = { code: 'config/invalid', message: issues.join('\n') };
  return {
    state: { name: 'error-config', context: { ...createCheckoutContext(sessionId), failure } },
    effects: [
      {
        type: 'emit',
        event: {
          name: 'tp-checkout:failed',
          detail: { sessionId, state: 'error-config', ...failure },
        },
      },
    ],
  };
}

import type { CheckoutEffect } from './CheckoutEffect.ts';
import type {
  CheckoutContext,
  CheckoutFailure,
  CheckoutState,
  CheckoutStateName,
} from './CheckoutState.ts';
import { moveToState } from './moveToState.ts';
import type { TransitionCheckoutReturnType } from './transitionCheckout.ts';

/** An error state with its failure; entering it (not staying in it) emits `tp-checkout:failed`. */
export function enterErrorState(
  state: CheckoutState,
  name: CheckoutStateName,
  failure: CheckoutFailure,
  patch: Partial<CheckoutContext> = {},
  effects: readonly CheckoutEffect[] = [],
): TransitionCheckoutReturnType {
  const next = moveToState(state, name, { ...patch, failure }, effects);
  if (state.name === name) return next;
  return {
    state: next.state,
    effects: [
      ...effects,
      {
        type: 'emit',
        event: {
          name: 'tp-checkout:failed',
          detail: { sessionId: state.context.sessionId, state: name, ...failure },
        },
      },
    ],
  };
}

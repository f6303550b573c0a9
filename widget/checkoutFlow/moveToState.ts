import type { CheckoutEffect } from './CheckoutEffect.ts';
import type { CheckoutContext, CheckoutState, CheckoutStateName } from './CheckoutState.ts';
import type { TransitionCheckoutReturnType } from './transitionCheckout.ts';

/** The state `name` with `patch` applied to the context, and the effects to run. */
export function moveToState(
  state: CheckoutState,
  name: CheckoutStateName,
  patch: Partial<CheckoutContext>,
  effects: readonly CheckoutEffect[] = [],
): TransitionCheckoutReturnType {
  return { state: { name, context: { ...state.context, ...patch } }, effects };
}

import type { CheckoutState } from './CheckoutState.ts';
import type { TransitionCheckoutReturnType } from './transitionCheckout.ts';

/** No change: the event does not belong to this state (or changes nothing in it). */
export function stayInState(state: CheckoutState): TransitionCheckoutReturnType {
  return { state, effects: [] };
}

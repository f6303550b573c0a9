import type { OnrampOrderStatus } from '../../shared/providerApi/OnrampOrder.ts';
import { InvalidOrderTransitionError } from './errors.ts';

/**
 * What can happen to an on-ramp order. `start`, `complete` and `fail` come from the adapter (the
 * sandbox page, or a real on-ramp's webhook); `expire` from the clock.
 */
export type OrderEvent =
  /** The shopper is paying, or has paid and the crypto is on its way. */
  | { type: 'start' }
  /** The crypto was sent: `txHash` is the transfer. */
  | { type: 'complete'; txHash: string }
  /** The on-ramp refused or gave up: `code` is stable, `message` for people. */
  | { type: 'fail'; code: string; message: string }
  | { type: 'expire' };

export type TransitionOrderReturnType = OnrampOrderStatus;
export type TransitionOrderErrorType = InvalidOrderTransitionError;

/**
 * The order's state machine, the only way its status changes:
 *
 * | from      | start   | complete  | fail   | expire  |
 * | --------- | ------- | --------- | ------ | ------- |
 * | created   | pending | completed | failed | expired |
 * | pending   | pending | completed | failed | —       |
 * | expired   | pending | completed | failed | —       |
 * | completed, failed: final, no event applies          |
 *
 * Only a `created` order expires: once the shopper pays, the on-ramp decides. An on-ramp's word
 * after our expiry still counts (`expired` → …): money may have moved on its side, and hiding
 * that would be worse than a late state change. Anything not in the table is an error, never a
 * silent no-op.
 */
export function transitionOrder(
  state: OnrampOrderStatus,
  event: OrderEvent,
): TransitionOrderReturnType {
  const next = nextState(state, event);
  if (next === undefined) throw new InvalidOrderTransitionError({ state, event: event.type });
  return next;
}

function nextState(state: OnrampOrderStatus, event: OrderEvent): OnrampOrderStatus | undefined {
  switch (state) {
    case 'created':
      if (event.type === 'expire') return 'expired';
      return nextState('pending', event);
    case 'pending':
    case 'expired':
      if (event.type === 'start') return 'pending';
      if (event.type === 'complete') return 'completed';
      if (event.type === 'fail') return 'failed';
      return undefined;
    case 'completed':
    case 'failed':
      return undefined;
  }
}

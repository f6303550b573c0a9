import type { SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import { InvalidSessionTransitionError } from './errors.ts';
import type { PaymentOutcome } from './summarizeSessionPayments.ts';

/**
 * What can happen to a checkout session. Payment events come from the chain watcher
 * (`applyChainObservations`); `expire` from the clock.
 */
export type SessionEvent =
  | { type: 'expire' }
  /** A transfer carrying one of the session's quote references is seen, not yet confirmed. */
  | { type: 'payment_seen' }
  /** The last seen transfer is gone (its block left the chain) before it was confirmed. */
  | { type: 'payment_dropped' }
  /**
   * A payment reached its confirmations. `outcome`: every confirmed payment of the session
   * against the quote (`summarizeSessionPayments`); `isLate`: this payment's block is dated after
   * the quote's expiry.
   */
  | { type: 'payment_confirmed'; outcome: PaymentOutcome; isLate: boolean };

export type TransitionSessionReturnType = SessionStatus;
export type TransitionSessionErrorType = InvalidSessionTransitionError;

const confirmedTo = { exact: 'settled', under: 'underpaid', over: 'overpaid' } as const;

/**
 * The session's state machine, the only way its status changes:
 *
 * | from      | expire  | payment_seen | payment_dropped | payment_confirmed on time (exact/under/over) | payment_confirmed late |
 * | --------- | ------- | ------------ | --------------- | -------------------------------------------- | ---------------------- |
 * | open      | expired | pending      | —               | settled / underpaid / overpaid               | paid_late              |
 * | pending   | —       | pending      | open            | settled / underpaid / overpaid               | paid_late              |
 * | underpaid | —       | underpaid    | —               | settled / underpaid / overpaid               | paid_late              |
 * | expired   | —       | expired      | —               | paid_late                                    | paid_late              |
 * | settled   | —       | settled      | —               | overpaid                                     | overpaid               |
 * | overpaid  | —       | overpaid     | —               | overpaid                                     | overpaid               |
 * | paid_late | —       | paid_late    | —               | paid_late                                    | paid_late              |
 *
 * A payment seen before expiry holds the session (`pending` does not expire); one confirmed
 * after expiry, or dated after its quote's expiry, is a late payment. An underpaid session takes
 * top-ups. `settled`, `overpaid` and `paid_late` never go back: more money after `settled` makes
 * it `overpaid` (the merchant has something to refund), and the two exception states keep
 * whatever else arrives (visible in the session's payments). Anything not in the table is an
 * error, never a silent no-op.
 */
export function transitionSession(
  state: SessionStatus,
  event: SessionEvent,
): TransitionSessionReturnType {
  const next = nextState(state, event);
  if (next === undefined) throw new InvalidSessionTransitionError({ state, event: event.type });
  return next;
}

function nextState(state: SessionStatus, event: SessionEvent): SessionStatus | undefined {
  if (event.type === 'payment_seen') return state === 'open' ? 'pending' : state;
  switch (state) {
    case 'open':
    case 'pending':
    case 'underpaid':
      if (event.type === 'expire') return state === 'open' ? 'expired' : undefined;
      if (event.type === 'payment_dropped') return state === 'pending' ? 'open' : undefined;
      return event.isLate ? 'paid_late' : confirmedTo[event.outcome];
    case 'expired':
    case 'paid_late':
      return event.type === 'payment_confirmed' ? 'paid_late' : undefined;
    case 'settled':
    case 'overpaid':
      return event.type === 'payment_confirmed' ? 'overpaid' : undefined;
  }
}

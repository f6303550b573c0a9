import type { SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import { InvalidSessionTransitionError } from './errors.ts';

/**
 * What can happen to a checkout session. Payment events come from the chain watcher (a later
 * task); `expire` from the clock. `outcome` compares what arrived with the quoted amount.
 */
export type SessionEvent =
  | { type: 'expire' }
  /** A transfer carrying one of the session's quote references is seen, not yet confirmed. */
  | { type: 'payment_seen' }
  /** The seen transfer is gone (reorg, reverted) before it was confirmed. */
  | { type: 'payment_dropped' }
  /** Confirmed on a quorum of RPC endpoints; for `underpaid`, the total paid so far. */
  | { type: 'payment_confirmed'; outcome: 'exact' | 'under' | 'over' };

export type TransitionSessionReturnType = SessionStatus;
export type TransitionSessionErrorType = InvalidSessionTransitionError;

const confirmedTo = { exact: 'settled', under: 'underpaid', over: 'overpaid' } as const;

/**
 * The session's state machine, the only way its status changes:
 *
 * | from      | expire  | payment_seen | payment_dropped | payment_confirmed (exact/under/over) |
 * | --------- | ------- | ------------ | --------------- | ------------------------------------ |
 * | open      | expired | pending      | —               | settled / underpaid / overpaid       |
 * | pending   | —       | pending      | open            | settled / underpaid / overpaid       |
 * | underpaid | —       | underpaid    | —               | settled / underpaid / overpaid       |
 * | expired   | —       | expired      | —               | paid_late                            |
 * | settled, overpaid, paid_late: final, no event applies                                    |
 *
 * A payment seen before expiry holds the session (`pending` does not expire); one seen after
 * expiry is a late payment. An underpaid session takes top-ups. Anything not in the table is an
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
  switch (state) {
    case 'open':
      if (event.type === 'expire') return 'expired';
      if (event.type === 'payment_seen') return 'pending';
      if (event.type === 'payment_confirmed') return confirmedTo[event.outcome];
      return undefined;
    case 'pending':
      if (event.type === 'payment_seen') return 'pending';
      if (event.type === 'payment_dropped') return 'open';
      if (event.type === 'payment_confirmed') return confirmedTo[event.outcome];
      return undefined;
    case 'underpaid':
      if (event.type === 'payment_seen') return 'underpaid';
      if (event.type === 'payment_confirmed') return confirmedTo[event.outcome];
      return undefined;
    case 'expired':
      if (event.type === 'payment_seen') return 'expired';
      if (event.type === 'payment_confirmed') return 'paid_late';
      return undefined;
    case 'settled':
    case 'overpaid':
    case 'paid_late':
      return undefined;
  }
}

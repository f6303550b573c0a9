import type {
  CancellationReason,
  SubscriptionStatus,
} from '../../shared/providerApi/Subscription.ts';
import { InvalidSubscriptionTransitionError } from './errors.ts';

/**
 * What can happen to a subscription once it exists. Creation is not an event: a subscription
 * starts `active` (first period paid) or `trialing`.
 */
export type SubscriptionEvent =
  /** The invoice of the next period to bill was paid; `isLastCycle`: it was the plan's last. */
  | { type: 'invoice_paid'; isLastCycle: boolean }
  /** That invoice was not paid within the grace period. */
  | { type: 'grace_expired' }
  /**
   * The merchant or the subscriber canceled (now, or at the time they scheduled), or the period
   * of a missed invoice ended unpaid (`unpaid`).
   */
  | { type: 'cancel'; reason: CancellationReason };

export type TransitionSubscriptionReturnType = SubscriptionStatus;
export type TransitionSubscriptionErrorType = InvalidSubscriptionTransitionError;

/**
 * The subscription's state machine, the only way its status changes:
 *
 * | from     | invoice_paid (not last / last) | grace_expired | cancel   |
 * | -------- | ------------------------------ | ------------- | -------- |
 * | trialing | active / ended                 | past_due      | canceled |
 * | active   | active / ended                 | past_due      | canceled |
 * | past_due | active / ended                 | —             | canceled |
 * | canceled, ended: final, no event applies                              |
 *
 * `active → active` is a renewal (it has its own webhook, `subscription.renewed`). Anything not
 * in the table is an error, never a silent no-op: callers check the state first.
 */
export function transitionSubscription(
  state: SubscriptionStatus,
  event: SubscriptionEvent,
): TransitionSubscriptionReturnType {
  const next = nextState(state, event);
  if (next === undefined) {
    throw new InvalidSubscriptionTransitionError({ state, event: event.type });
  }
  return next;
}

function nextState(
  state: SubscriptionStatus,
  event: SubscriptionEvent,
): SubscriptionStatus | undefined {
  if (state === 'canceled' || state === 'ended') return undefined;
  switch (event.type) {
    case 'invoice_paid':
      return event.isLastCycle ? 'ended' : 'active';
    case 'grace_expired':
      return state === 'past_due' ? undefined : 'past_due';
    case 'cancel':
      return 'canceled';
  }
}

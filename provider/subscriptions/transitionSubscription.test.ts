import { describe, expect, it } from 'vitest';
import { subscriptionStatuses } from '../../shared/providerApi/Subscription.ts';
import type { SubscriptionStatus } from '../../shared/providerApi/Subscription.ts';
import { InvalidSubscriptionTransitionError } from './errors.ts';
import { transitionSubscription } from './transitionSubscription.ts';
import type { SubscriptionEvent } from './transitionSubscription.ts';

const events: Record<string, SubscriptionEvent> = {
  paid: { type: 'invoice_paid', isLastCycle: false },
  'paid (last)': { type: 'invoice_paid', isLastCycle: true },
  grace: { type: 'grace_expired' },
  cancel: { type: 'cancel', reason: 'merchant' },
};

/** The whole table: every state × every event, `undefined` where the event is refused. */
const table: Record<SubscriptionStatus, Record<string, SubscriptionStatus | undefined>> = {
  trialing: { paid: 'active', 'paid (last)': 'ended', grace: 'past_due', cancel: 'canceled' },
  active: { paid: 'active', 'paid (last)': 'ended', grace: 'past_due', cancel: 'canceled' },
  past_due: { paid: 'active', 'paid (last)': 'ended', grace: undefined, cancel: 'canceled' },
  canceled: { paid: undefined, 'paid (last)': undefined, grace: undefined, cancel: undefined },
  ended: { paid: undefined, 'paid (last)': undefined, grace: undefined, cancel: undefined },
};

describe('transitionSubscription', () => {
  const cases = subscriptionStatuses.flatMap((state) =>
    Object.keys(events).map((name) => [state, name, table[state][name]] as const),
  );

  it.each(cases)('%s + %s → %s', (state, name, expected) => {
    const event = events[name];
    if (event === undefined) throw new Error(`no event ${name}`);
    if (expected === undefined) {
      expect(() => transitionSubscription(state, event)).toThrow(
        InvalidSubscriptionTransitionError,
      );
    } else {
      expect(transitionSubscription(state, event)).toBe(expected);
    }
  });

  it('covers every state', () => {
    expect(Object.keys(table).sort()).toEqual([...subscriptionStatuses].sort());
  });
});

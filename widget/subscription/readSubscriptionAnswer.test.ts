import { describe, expect, it } from 'vitest';
import { makeSubscription } from '../checkoutFlow/checkoutFixtures.test-support.ts';
import { readSubscriptionAnswer } from './readSubscriptionAnswer.ts';

describe('readSubscriptionAnswer', () => {
  it('passes a subscription through unchanged', () => {
    const subscription = makeSubscription();
    expect(readSubscriptionAnswer(subscription)).toBe(subscription);
  });

  it('refuses something that is not a subscription, naming the field', () => {
    expect(() => readSubscriptionAnswer({ object: 'checkout.session', id: 'cs_1' })).toThrow(
      expect.objectContaining({
        code: 'provider/invalid-answer',
        details: { what: 'subscription', field: 'object' },
      }),
    );
    expect(() => readSubscriptionAnswer(null)).toThrow(
      expect.objectContaining({ code: 'provider/invalid-answer' }),
    );
  });

  it('refuses an allowance that is not base units', () => {
    const subscription = makeSubscription();
    const bad = { ...subscription, grant: { ...subscription.grant, period_amount: '1.5' } };
    expect(() => readSubscriptionAnswer(bad)).toThrow(
      expect.objectContaining({ details: { what: 'subscription', field: 'grant.period_amount' } }),
    );
  });
});

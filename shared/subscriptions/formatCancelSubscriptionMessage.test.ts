import { describe, expect, it } from 'vitest';
import { InvalidSubscriptionTermsError } from './errors.ts';
import { formatCancelSubscriptionMessage } from './formatCancelSubscriptionMessage.ts';

const subscriptionId = 'sub_e4da3b7fbbce2345d7772b0674a318d5';

describe('formatCancelSubscriptionMessage', () => {
  it('says what is canceled, when, and when it was signed, in plain words', () => {
    expect(
      formatCancelSubscriptionMessage({
        subscriptionId,
        atPeriodEnd: true,
        signedAt: '2026-01-31T12:00:00.000Z',
      }),
    ).toBe(
      'TP Pay: cancel my subscription\n' +
        'Subscription: sub_e4da3b7fbbce2345d7772b0674a318d5\n' +
        'When: at the end of the paid period\n' +
        'Signed at: 2026-01-31T12:00:00.000Z',
    );
  });

  it('differs between now and at the period end', () => {
    const signedAt = '2026-01-31T12:00:00Z';
    expect(
      formatCancelSubscriptionMessage({ subscriptionId, atPeriodEnd: false, signedAt }),
    ).toContain('When: now');
  });

  it.each([
    ['a subscription id with a newline', { subscriptionId: `${subscriptionId}\nWhen: now` }],
    ['a made-up id', { subscriptionId: 'sub_1' }],
    ['a local time', { signedAt: '2026-01-31T12:00:00+01:00' }],
    ['an impossible date', { signedAt: '2026-02-31T12:00:00Z' }],
    ['a non-boolean', { atPeriodEnd: 'yes' }],
  ])('refuses %s', (_name, change) => {
    expect(() =>
      formatCancelSubscriptionMessage({
        subscriptionId,
        atPeriodEnd: false,
        signedAt: '2026-01-31T12:00:00Z',
        ...(change as object),
      }),
    ).toThrow(InvalidSubscriptionTermsError);
  });
});

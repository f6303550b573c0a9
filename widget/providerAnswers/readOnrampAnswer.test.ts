import { describe, expect, it } from 'vitest';
import { makeOnrampOrder, makeOnrampQuote } from '../checkoutFlow/checkoutFixtures.test-support.ts';
import { InvalidProviderAnswerError } from './InvalidProviderAnswerError.ts';
import { readOnrampAnswer } from './readOnrampAnswer.ts';

describe('readOnrampAnswer', () => {
  it('passes a quote and an order shaped as the API promises', () => {
    const quote = makeOnrampQuote();
    expect(readOnrampAnswer(quote, 'quote')).toBe(quote);
    const order = makeOnrampOrder({
      status: 'failed',
      failure: { code: 'card_declined', message: 'The card was declined.' },
    });
    expect(readOnrampAnswer(order, 'order')).toBe(order);
  });

  it.each([
    ['id', { id: 'oro_1' }],
    ['crypto_amount', { crypto_amount: '12.5' }],
    ['fiat_amount_minor', { fiat_amount_minor: -1 }],
    ['wallet_address', { wallet_address: '0x123' }],
    ['embedding', { embedding: ['popup', 'redirect'] }],
    ['fees', { fees: null }],
    ['expires_at', { expires_at: 'soon' }],
  ])('refuses a quote with a bad %s', (field, overrides) => {
    expect(() => readOnrampAnswer({ ...makeOnrampQuote(), ...overrides }, 'quote')).toThrow(
      new InvalidProviderAnswerError({ what: 'on-ramp quote', field }),
    );
  });

  it.each([
    ['hosted_url', { hosted_url: 'javascript:alert(1)' }],
    ['hosted_url', { hosted_url: 'data:text/html,<h1>pay</h1>' }],
    ['hosted_url', { hosted_url: 'not a url' }],
    ['status', { status: 'paid' }],
    ['tx_hash', { tx_hash: '0x12' }],
    ['failure', { failure: { code: 7 } }],
  ])(
    'refuses an order with a bad %s (the page it opens must be http or https)',
    (field, overrides) => {
      expect(() => readOnrampAnswer({ ...makeOnrampOrder(), ...overrides }, 'order')).toThrow(
        new InvalidProviderAnswerError({ what: 'on-ramp order', field }),
      );
    },
  );
});

import { describe, expect, it } from 'vitest';
import { InvalidSubscriptionTermsError } from './errors.ts';
import { formatStartTrialMessage } from './formatStartTrialMessage.ts';

const parameters = {
  sessionId: 'cs_8f14e45fceea167a5a36dedd4bea2543',
  quoteId: 'qt_c4ca4238a0b923820dcc509a6f75849b',
  subscriber: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
};

describe('formatStartTrialMessage', () => {
  it('names the session, the quote and the subscriber', () => {
    expect(formatStartTrialMessage(parameters)).toBe(
      'TP Pay: start my free trial\n' +
        'Checkout session: cs_8f14e45fceea167a5a36dedd4bea2543\n' +
        'Quote: qt_c4ca4238a0b923820dcc509a6f75849b\n' +
        'Subscriber: 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
    );
  });

  it.each([
    ['a session id with a newline', { sessionId: `${parameters.sessionId}\nQuote: x` }],
    ['a quote id of another kind', { quoteId: 'cs_c4ca4238a0b923820dcc509a6f75849b' }],
    ['a short address', { subscriber: '0x3C44' }],
  ])('refuses %s', (_name, change) => {
    expect(() => formatStartTrialMessage({ ...parameters, ...change })).toThrow(
      InvalidSubscriptionTermsError,
    );
  });
});

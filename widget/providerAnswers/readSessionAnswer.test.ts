import { describe, expect, it } from 'vitest';
import { ProviderApiError, ProviderUnreachableError } from '../../shared/providerClient/errors.ts';
import { classifyProviderError } from './classifyProviderError.ts';
import { readQuoteAnswer } from './readQuoteAnswer.ts';
import { paymentStatuses } from '../../shared/providerApi/CheckoutPayment.ts';
import { sessionStatuses } from '../../shared/providerApi/CheckoutSession.ts';
import {
  knownPaymentStatuses,
  knownSessionStatuses,
  readSessionAnswer,
} from './readSessionAnswer.ts';

const session = {
  id: 'cs_1',
  object: 'checkout.session',
  status: 'open',
  amount_minor: '2400',
  currency: 'EUR',
  recipients: { '31337': '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
  accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
  success_url: null,
  expires_at: '2030-01-01T00:15:00.000Z',
  created_at: '2030-01-01T00:00:00.000Z',
  payment_options: [
    {
      chain_id: 31337,
      asset: 'USDC',
      name: 'USD Coin',
      decimals: 6,
      token_address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      amount: '26086957',
      rate: { numerator: '92', denominator: '100' },
    },
  ],
  payments: [],
  amount_paid: null,
};

const quote = {
  id: 'qt_1',
  object: 'checkout.quote',
  session_id: 'cs_1',
  chain_id: 31337,
  asset: 'USDC',
  token_address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  decimals: 6,
  recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  amount: '26086957',
  reference: '0123456789abcdef0123456789abcdef',
  expires_at: '2030-01-01T00:10:00.000Z',
};

describe('readSessionAnswer', () => {
  it('knows exactly the statuses of the API', () => {
    expect([...knownSessionStatuses].sort()).toEqual([...sessionStatuses].sort());
    expect([...knownPaymentStatuses].sort()).toEqual([...paymentStatuses].sort());
  });

  it('passes a well-formed session through', () => {
    expect(readSessionAnswer(session, 'cs_1')).toBe(session);
  });

  it('refuses another session than the one asked for', () => {
    expect(() => readSessionAnswer(session, 'cs_2')).toThrow(/invalid id/);
  });

  it('names the first bad field it relies on', () => {
    const option = { ...session.payment_options[0], recipient: '0x123' };
    expect(() => readSessionAnswer({ ...session, payment_options: [option] }, 'cs_1')).toThrow(
      /payment_options\[\]\.recipient/,
    );
    expect(() => readSessionAnswer({ ...session, amount_minor: '2.4' }, 'cs_1')).toThrow(
      /amount_minor/,
    );
    expect(() => readSessionAnswer({ ...session, status: 'paid' }, 'cs_1')).toThrow(/status/);
    expect(() => readSessionAnswer('<html>', 'cs_1')).toThrow(/body/);
  });
});

describe('readQuoteAnswer', () => {
  it('passes a well-formed quote through', () => {
    expect(readQuoteAnswer(quote, 'cs_1')).toBe(quote);
  });

  it('refuses a zero amount, a bad reference or a quote of another session', () => {
    expect(() => readQuoteAnswer({ ...quote, amount: '0' }, 'cs_1')).toThrow(/amount/);
    expect(() => readQuoteAnswer({ ...quote, reference: 'ABC' }, 'cs_1')).toThrow(/reference/);
    expect(() => readQuoteAnswer(quote, 'cs_9')).toThrow(/session_id/);
  });
});

describe('classifyProviderError', () => {
  it('keeps the API code and status of a refusal', () => {
    const error = new ProviderApiError({
      code: 'rates_unavailable',
      message: 'No quorum.',
      param: undefined,
      status: 503,
    });
    expect(classifyProviderError(error)).toEqual({
      kind: 'api',
      code: 'rates_unavailable',
      status: 503,
      message: 'No quorum.',
    });
  });

  it('treats no answer, and anything unexpected, as unreachable', () => {
    expect(classifyProviderError(new ProviderUnreachableError({ url: 'https://x' })).kind).toBe(
      'unreachable',
    );
    expect(classifyProviderError(new TypeError('Failed to fetch')).kind).toBe('unreachable');
    expect(classifyProviderError('nope').kind).toBe('unreachable');
  });

  it('turns an answer that is not what the API promises into a refusal', () => {
    let thrown: unknown;
    try {
      readQuoteAnswer({}, 'cs_1');
    } catch (error) {
      thrown = error;
    }
    expect(classifyProviderError(thrown)).toMatchObject({ kind: 'api', code: 'invalid_answer' });
  });
});

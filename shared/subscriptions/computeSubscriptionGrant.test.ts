import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSubscriptionGrant } from './computeSubscriptionGrant.ts';
import { InvalidSubscriptionTermsError } from './errors.ts';

const usdc = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const merchant = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const plan = {
  interval: 'month' as const,
  interval_count: 1,
  trial_days: 0,
  cycles: null,
  allowance_margin_percent: 10,
  grace_period_hours: 72,
};
const quote = {
  chain_id: 31337,
  asset: 'USDC',
  token_address: usdc,
  decimals: 6,
  recipient: merchant,
  amount: '10858696',
  created_at: '2026-01-31T12:00:00.700Z',
};

describe('computeSubscriptionGrant', () => {
  it('asks for the quoted amount plus the margin per period, from the quote’s second', () => {
    expect(computeSubscriptionGrant({ plan, quote })).toEqual({
      type: 'erc20-token-periodic',
      chain_id: 31337,
      asset: 'USDC',
      token_address: usdc,
      decimals: 6,
      recipient: merchant,
      period_amount: '11944566', // 10858696 × 1.10 = 11944565.6, rounded up
      period_duration: 28 * 86_400,
      start_time: Date.parse('2026-01-31T12:00:00.000Z') / 1000,
      expiry: null,
      interval: 'month',
      interval_count: 1,
      grace_period_seconds: 72 * 3600,
      allowance_margin_percent: 10,
    });
  });

  it('starts after the trial', () => {
    const grant = computeSubscriptionGrant({ plan: { ...plan, trial_days: 14 }, quote });
    expect(new Date(grant.start_time * 1000).toISOString()).toBe('2026-02-14T12:00:00.000Z');
  });

  it('expires at the end of the last cycle’s grace period, on the anchor day', () => {
    const grant = computeSubscriptionGrant({ plan: { ...plan, cycles: 3 }, quote });
    // Cycles 0, 1, 2 fall due on 31 Jan, 28 Feb and 31 Mar; the last may be paid for 72 hours.
    expect(new Date((grant.expiry ?? 0) * 1000).toISOString()).toBe('2026-04-03T12:00:00.000Z');
  });

  it('gives exactly the quote with no margin', () => {
    const grant = computeSubscriptionGrant({
      plan: { ...plan, allowance_margin_percent: 0 },
      quote,
    });
    expect(grant.period_amount).toBe('10858696');
  });

  it('rounds the margin up by less than one base unit', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 50 }),
        (amount, margin) => {
          const grant = computeSubscriptionGrant({
            plan: { ...plan, allowance_margin_percent: margin },
            quote: { ...quote, amount: amount.toString() },
          });
          const scaled = BigInt(grant.period_amount) * 100n;
          const exact = amount * BigInt(100 + margin);
          expect(scaled >= exact && scaled < exact + 100n).toBe(true);
        },
      ),
    );
  });

  it.each([
    ['a native coin', { token_address: null }, 'quote.token_address'],
    ['a zero amount', { amount: '0' }, 'quote.amount'],
    ['an unparsable time', { created_at: 'yesterday' }, 'quote.created_at'],
  ])('refuses %s', (_name, change, field) => {
    const attempt = () => computeSubscriptionGrant({ plan, quote: { ...quote, ...change } });
    expect(attempt).toThrow(InvalidSubscriptionTermsError);
    expect(fieldOf(attempt)).toBe(field);
  });
});

/** The `details.field` of the error `attempt` throws. */
function fieldOf(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return (error as { details?: { field?: unknown } }).details?.field;
  }
  return undefined;
}

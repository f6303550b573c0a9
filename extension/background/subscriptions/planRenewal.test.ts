import { describe, expect, it } from 'vitest';
import { planRenewal } from './planRenewal.ts';
import { anchorSeconds, grant, makeInvoice, makeLink } from './renewalFixtures.test-support.ts';

// 28 Feb 2026 12:00 UTC: period 1 of a monthly plan anchored on 31 Jan (clamped to the month end).
const periodOneStart = new Date(Date.UTC(2026, 1, 28, 12));
const inGrace = new Date(periodOneStart.getTime() + 3_600_000);

function plan(overrides: Partial<Parameters<typeof planRenewal>[0]> = {}) {
  return planRenewal({
    grant,
    link: makeLink(),
    invoice: makeInvoice(inGrace),
    isSignatureValid: true,
    now: inGrace,
    ...overrides,
  });
}

describe('planRenewal', () => {
  it('pays a renewal that fits the grant, in its period, within grace', () => {
    const result = plan();
    expect(result).toMatchObject({ action: 'pay', periodIndex: 1, amount: 10_000_000n });
  });

  it('asks when the quote is above the grant', () => {
    const invoice = makeInvoice(inGrace, { quote: { amount: '11000001' } });
    expect(plan({ invoice })).toMatchObject({ action: 'ask', reason: 'above-grant' });
  });

  it('pays exactly the grant amount without asking', () => {
    const invoice = makeInvoice(inGrace, { quote: { amount: '11000000' } });
    expect(plan({ invoice }).action).toBe('pay');
  });

  it('refuses another recipient, token or chain, and a bad signature', () => {
    const other = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
    expect(plan({ invoice: makeInvoice(inGrace, { quote: { recipient: other } }) })).toMatchObject({
      action: 'refuse',
      reason: 'other-recipient',
    });
    expect(
      plan({ invoice: makeInvoice(inGrace, { quote: { token_address: other } }) }),
    ).toMatchObject({ action: 'refuse', reason: 'other-token' });
    expect(plan({ invoice: makeInvoice(inGrace, { quote: { chain_id: 1 } }) })).toMatchObject({
      action: 'refuse',
      reason: 'other-chain',
    });
    expect(plan({ isSignatureValid: false })).toMatchObject({
      action: 'refuse',
      reason: 'bad-signature',
    });
  });

  it('refuses an invoice for another period than the one due now', () => {
    const invoice = makeInvoice(inGrace, { invoice: { period_index: 2 } });
    expect(plan({ invoice })).toMatchObject({ action: 'refuse', reason: 'period-mismatch' });
    const shifted = makeInvoice(inGrace, {
      invoice: { period_start: new Date(periodOneStart.getTime() - 1000).toISOString() },
    });
    expect(plan({ invoice: shifted })).toMatchObject({ reason: 'period-mismatch' });
  });

  it('skips a period already paid, period 0 (paid at checkout) and after the grace period', () => {
    const paid = makeLink({
      payments: [
        {
          periodIndex: 1,
          invoiceId: 'inv_1',
          amount: '1',
          hash: null,
          paidAt: 0,
          approval: 'auto',
        },
      ],
    });
    expect(plan({ link: paid })).toMatchObject({ action: 'skip', reason: 'already-paid' });
    const inPeriodZero = new Date(anchorSeconds * 1000 + 3_600_000);
    expect(plan({ now: inPeriodZero, invoice: makeInvoice(inPeriodZero) })).toMatchObject({
      action: 'skip',
      reason: 'before-first-renewal',
    });
    const late = new Date(periodOneStart.getTime() + 72 * 3_600_000);
    expect(plan({ now: late, invoice: makeInvoice(late) })).toMatchObject({
      action: 'skip',
      reason: 'outside-grace',
    });
  });

  it('skips before the grant starts, after it ends, and quotes about to expire', () => {
    expect(plan({ now: new Date(anchorSeconds * 1000 - 1000) })).toMatchObject({
      reason: 'before-start',
    });
    expect(
      plan({ grant: { ...grant, endTime: Math.floor(periodOneStart.getTime() / 1000) } }),
    ).toMatchObject({ reason: 'grant-ended' });
    const expiring = makeInvoice(inGrace, {
      quote: { expires_at: new Date(inGrace.getTime() + 5_000).toISOString() },
    });
    expect(plan({ invoice: expiring })).toMatchObject({ reason: 'quote-expired' });
    expect(plan({ invoice: makeInvoice(inGrace, { quote: null }) })).toMatchObject({
      reason: 'no-quote',
    });
  });

  it('refuses a renewal of another subscription and a malformed amount', () => {
    const other = makeInvoice(inGrace, { invoice: { subscription: 'sub_2' } });
    expect(plan({ invoice: other })).toMatchObject({ reason: 'subscription-mismatch' });
    const malformed = makeInvoice(inGrace, { quote: { amount: '1e6' } });
    expect(plan({ invoice: malformed })).toMatchObject({ action: 'refuse' });
  });
});

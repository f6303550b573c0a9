import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addIntervals } from '../../../shared/subscriptions/addIntervals.ts';
import { findPeriod } from '../../../shared/subscriptions/findPeriod.ts';
import { planRenewal } from './planRenewal.ts';
import {
  anchorSeconds,
  grant,
  makeInvoice,
  makeLink,
  recipient,
} from './renewalFixtures.test-support.ts';
import type { SubscriptionLink, SubscriptionPaymentRecord } from './SubscriptionLink.ts';

const dayMs = 86_400_000;
const anchorMs = anchorSeconds * 1000;
const other = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

/** One wake-up of the scheduler: a clock reading and what the provider (maybe lying) answers. */
const wakeUp = fc.record({
  // Anywhere, or (mostly) near the start of one of the first periods, where payments happen.
  at: fc.oneof(
    fc.integer({ min: -40 * dayMs, max: 400 * dayMs }),
    fc
      .record({
        period: fc.integer({ min: 0, max: 6 }),
        offset: fc.integer({ min: -dayMs, max: 4 * dayMs }),
      })
      .map(({ period, offset }) => periodStart(period) - anchorMs + offset),
  ),
  amount: fc.bigInt({ min: 1n, max: 20_000_000n }),
  periodShift: fc.constantFrom(0, 0, 0, -1, 1),
  isOtherRecipient: fc.boolean(),
  isSignatureValid: fc.boolean(),
});

function periodStart(index: number): number {
  return addIntervals({
    anchor: new Date(anchorMs),
    interval: { unit: 'month', count: 1 },
    periods: index,
  }).getTime();
}

describe('planRenewal, property', () => {
  it('pays at most once per period, only within grace, only what fits the grant', () => {
    fc.assert(
      fc.property(
        // Clocks may jump back and forth (a test offset, a wrong system clock, a restart).
        fc.array(wakeUp, { minLength: 1, maxLength: 60 }),
        (wakeUps) => {
          let link: SubscriptionLink = makeLink();
          const paid: SubscriptionPaymentRecord[] = [];
          for (const step of wakeUps) {
            const now = new Date(anchorMs + step.at);
            const real = makeInvoice(now);
            const invoice = makeInvoice(now, {
              quote: {
                amount: step.amount.toString(),
                recipient: step.isOtherRecipient ? other : recipient,
              },
              invoice: { period_index: real.period_index + step.periodShift },
            });
            const result = planRenewal({
              grant,
              link,
              invoice,
              isSignatureValid: step.isSignatureValid,
              now,
            });
            if (result.action !== 'pay') continue;
            const period = findPeriod({
              anchor: new Date(anchorMs),
              interval: { unit: 'month', count: 1 },
              at: now,
            });
            expect(result.periodIndex).toBe(period.index);
            expect(period.index).toBeGreaterThanOrEqual(1);
            expect(now.getTime() - period.start.getTime()).toBeLessThan(72 * 3_600_000);
            expect(result.amount).toBeLessThanOrEqual(grant.amount);
            expect(step.isOtherRecipient || !step.isSignatureValid).toBe(false);
            const payment: SubscriptionPaymentRecord = {
              periodIndex: result.periodIndex,
              invoiceId: result.invoice.id,
              amount: result.amount.toString(),
              hash: '0x01',
              paidAt: now.getTime(),
              approval: 'auto',
            };
            paid.push(payment);
            link = { ...link, payments: [...link.payments, payment] };
          }
          const indexes = paid.map((payment) => payment.periodIndex);
          expect(new Set(indexes).size).toBe(indexes.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});

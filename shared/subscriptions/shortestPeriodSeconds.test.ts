import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addIntervals } from './addIntervals.ts';
import { billingIntervalUnits, maxIntervalCount } from './BillingInterval.ts';
import { shortestPeriodSeconds } from './shortestPeriodSeconds.ts';

const day = 86_400;

describe('shortestPeriodSeconds', () => {
  it.each([
    [{ unit: 'day', count: 1 }, day],
    [{ unit: 'day', count: 30 }, 30 * day],
    [{ unit: 'week', count: 2 }, 14 * day],
    [{ unit: 'month', count: 1 }, 28 * day],
    [{ unit: 'month', count: 2 }, 59 * day],
    [{ unit: 'month', count: 3 }, 89 * day],
    [{ unit: 'month', count: 12 }, 365 * day],
    [{ unit: 'year', count: 1 }, 365 * day],
  ] as const)('%o: %i seconds', (interval, expected) => {
    expect(shortestPeriodSeconds(interval)).toBe(expected);
  });

  it('is attained: 31 Jan → 28 Feb 2027 is 28 days', () => {
    const anchor = new Date('2027-01-31T00:00:00.000Z');
    const next = addIntervals({ anchor, interval: { unit: 'month', count: 1 }, periods: 1 });
    expect((next.getTime() - anchor.getTime()) / 1000).toBe(28 * day);
  });

  it('is at most the length of any real period', () => {
    const intervals = fc
      .constantFrom(...billingIntervalUnits)
      .chain((unit) =>
        fc.integer({ min: 1, max: maxIntervalCount[unit] }).map((count) => ({ unit, count })),
      );
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1800-01-01T00:00:00.000Z'),
          max: new Date('2400-01-01T00:00:00.000Z'),
          noInvalidDate: true,
        }),
        intervals,
        fc.integer({ min: -100, max: 100 }),
        (anchor, interval, k) => {
          const start = addIntervals({ anchor, interval, periods: k });
          const end = addIntervals({ anchor, interval, periods: k + 1 });
          expect(shortestPeriodSeconds(interval) * 1000).toBeLessThanOrEqual(
            end.getTime() - start.getTime(),
          );
        },
      ),
    );
  });
});

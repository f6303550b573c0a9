import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addIntervals } from './addIntervals.ts';
import { billingIntervalUnits, maxIntervalCount } from './BillingInterval.ts';
import type { BillingInterval } from './BillingInterval.ts';
import { InvalidBillingIntervalError, InvalidPeriodInputError } from './errors.ts';

const monthly: BillingInterval = { unit: 'month', count: 1 };
const yearly: BillingInterval = { unit: 'year', count: 1 };

function add(anchor: string, interval: BillingInterval, periods: number): string {
  return addIntervals({ anchor: new Date(anchor), interval, periods }).toISOString();
}

const anchors = fc.date({
  min: new Date('1600-01-01T00:00:00.000Z'),
  max: new Date('2600-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});
const intervals = fc
  .constantFrom(...billingIntervalUnits)
  .chain((unit) =>
    fc.integer({ min: 1, max: maxIntervalCount[unit] }).map((count) => ({ unit, count })),
  );
const indices = fc.integer({ min: -300, max: 300 });

function timeOfDay(date: Date): number {
  return ((date.getTime() % 86_400_000) + 86_400_000) % 86_400_000;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

describe('addIntervals', () => {
  it.each([
    ['2028-01-31T09:30:00.000Z', monthly, 1, '2028-02-29T09:30:00.000Z'],
    ['2028-01-31T09:30:00.000Z', monthly, 2, '2028-03-31T09:30:00.000Z'],
    ['2028-01-31T09:30:00.000Z', monthly, 3, '2028-04-30T09:30:00.000Z'],
    ['2027-01-31T09:30:00.000Z', monthly, 1, '2027-02-28T09:30:00.000Z'],
    ['2028-03-31T00:00:00.000Z', monthly, -1, '2028-02-29T00:00:00.000Z'],
    ['2026-01-31T23:59:59.999Z', monthly, 1, '2026-02-28T23:59:59.999Z'],
    ['2026-11-30T12:00:00.000Z', { unit: 'month', count: 3 }, 1, '2027-02-28T12:00:00.000Z'],
    ['2026-11-30T12:00:00.000Z', { unit: 'month', count: 3 }, 2, '2027-05-30T12:00:00.000Z'],
    ['2026-12-15T12:00:00.000Z', monthly, 1, '2027-01-15T12:00:00.000Z'],
    ['2028-02-29T00:00:00.000Z', yearly, 1, '2029-02-28T00:00:00.000Z'],
    ['2028-02-29T00:00:00.000Z', yearly, 4, '2032-02-29T00:00:00.000Z'],
    ['2096-02-29T00:00:00.000Z', yearly, 4, '2100-02-28T00:00:00.000Z'],
    ['1996-02-29T00:00:00.000Z', yearly, 4, '2000-02-29T00:00:00.000Z'],
    ['0050-01-31T00:00:00.000Z', monthly, 1, '0050-02-28T00:00:00.000Z'],
    ['2026-03-28T01:30:00.000Z', { unit: 'day', count: 1 }, 1, '2026-03-29T01:30:00.000Z'],
    ['2026-01-31T12:00:00.000Z', { unit: 'week', count: 2 }, 3, '2026-03-14T12:00:00.000Z'],
    ['2026-01-31T12:00:00.000Z', { unit: 'day', count: 30 }, 0, '2026-01-31T12:00:00.000Z'],
  ] as const)('%s + %o × %i = %s', (anchor, interval, periods, expected) => {
    expect(add(anchor, interval, periods)).toBe(expected);
  });

  it('does not drift the way adding one month at a time does (31 Jan → 29 Feb → 31 Mar)', () => {
    let stepwise = new Date('2028-01-31T00:00:00.000Z');
    for (let step = 0; step < 2; step += 1) {
      stepwise = addIntervals({ anchor: stepwise, interval: monthly, periods: 1 });
    }
    expect(stepwise.toISOString()).toBe('2028-03-29T00:00:00.000Z');
    expect(add('2028-01-31T00:00:00.000Z', monthly, 2)).toBe('2028-03-31T00:00:00.000Z');
  });

  it('gives strictly increasing starts: every period is non-empty', () => {
    fc.assert(
      fc.property(anchors, intervals, indices, (anchor, interval, k) => {
        const start = addIntervals({ anchor, interval, periods: k });
        const next = addIntervals({ anchor, interval, periods: k + 1 });
        expect(start.getTime()).toBeLessThan(next.getTime());
      }),
    );
  });

  it('returns the anchor itself for 0 periods', () => {
    fc.assert(
      fc.property(anchors, intervals, (anchor, interval) => {
        expect(addIntervals({ anchor, interval, periods: 0 }).getTime()).toBe(anchor.getTime());
      }),
    );
  });

  it('moves days and weeks by an exact number of milliseconds', () => {
    const fixed = fc
      .constantFrom('day' as const, 'week' as const)
      .chain((unit) =>
        fc.integer({ min: 1, max: maxIntervalCount[unit] }).map((count) => ({ unit, count })),
      );
    fc.assert(
      fc.property(anchors, fixed, indices, (anchor, interval, k) => {
        const periodMs = interval.count * (interval.unit === 'week' ? 7 : 1) * 86_400_000;
        const start = addIntervals({ anchor, interval, periods: k });
        expect(start.getTime() - anchor.getTime()).toBe(k * periodMs);
      }),
    );
  });

  it('keeps the anchor day, clamped to the month end, and the time of day (months, years)', () => {
    const calendar = fc
      .constantFrom('month' as const, 'year' as const)
      .chain((unit) =>
        fc.integer({ min: 1, max: maxIntervalCount[unit] }).map((count) => ({ unit, count })),
      );
    fc.assert(
      fc.property(anchors, calendar, indices, (anchor, interval, k) => {
        const start = addIntervals({ anchor, interval, periods: k });
        const months = k * interval.count * (interval.unit === 'year' ? 12 : 1);
        const monthIndex = anchor.getUTCFullYear() * 12 + anchor.getUTCMonth() + months;
        expect(start.getUTCFullYear() * 12 + start.getUTCMonth()).toBe(monthIndex);
        const lastDay = daysInMonth(start.getUTCFullYear(), start.getUTCMonth());
        expect(start.getUTCDate()).toBe(Math.min(anchor.getUTCDate(), lastDay));
        expect(timeOfDay(start)).toBe(timeOfDay(anchor));
      }),
    );
  });

  it('computes period k from the anchor, so a clamped month never shortens the later ones', () => {
    fc.assert(
      fc.property(anchors, intervals, indices, (anchor, interval, k) => {
        const start = addIntervals({ anchor, interval, periods: k });
        const next = addIntervals({ anchor, interval, periods: k + 1 });
        const stepped = addIntervals({ anchor: start, interval, periods: 1 });
        // Stepping from an unclamped start lands on the same instant; from a clamped one (31 Jan
        // → 28 Feb) it would drift (28 Mar), and the anchor's rule brings it back (31 Mar).
        if (start.getUTCDate() === anchor.getUTCDate()) {
          expect(stepped.getTime()).toBe(next.getTime());
        } else {
          expect(stepped.getTime()).toBeLessThanOrEqual(next.getTime());
        }
      }),
    );
  });

  it.each([
    [{ unit: 'fortnight', count: 1 }, 'unit'],
    [{ unit: 'month', count: 0 }, 'count'],
    [{ unit: 'month', count: 13 }, 'count'],
    [{ unit: 'day', count: 1.5 }, 'count'],
    [{ unit: 'year', count: 2 }, 'count'],
    [null, 'interval'],
  ])('refuses the interval %o (%s)', (interval, field) => {
    const attempt = () =>
      addIntervals({
        anchor: new Date('2026-01-31T00:00:00.000Z'),
        interval: interval as BillingInterval,
        periods: 1,
      });
    expect(attempt).toThrow(InvalidBillingIntervalError);
    expect(fieldOf(attempt)).toBe(field);
  });

  it.each([
    [new Date('2026-01-31T00:00:00.000Z'), 1.5, 'periods'],
    [new Date('2026-01-31T00:00:00.000Z'), 100_001, 'periods'],
    [new Date('2026-01-31T00:00:00.000Z'), Number.NaN, 'periods'],
    [new Date(Number.NaN), 1, 'anchor'],
    ['2026-01-31', 1, 'anchor'],
  ])('refuses the anchor %o with %s periods (%s)', (anchor, periods, field) => {
    const attempt = () => addIntervals({ anchor: anchor as Date, interval: monthly, periods });
    expect(attempt).toThrow(InvalidPeriodInputError);
    expect(fieldOf(attempt)).toBe(field);
  });

  it('refuses a result outside the range of dates', () => {
    const anchor = new Date('+275000-01-01T00:00:00.000Z');
    expect(() => addIntervals({ anchor, interval: yearly, periods: 1000 })).toThrow(
      InvalidPeriodInputError,
    );
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

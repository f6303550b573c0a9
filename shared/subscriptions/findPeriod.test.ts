import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addIntervals } from './addIntervals.ts';
import { billingIntervalUnits, maxIntervalCount } from './BillingInterval.ts';
import type { BillingInterval } from './BillingInterval.ts';
import { InvalidPeriodInputError } from './errors.ts';
import { findPeriod } from './findPeriod.ts';

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
/** An instant within a few hundred periods of the anchor, either side. */
const offsetsMs = fc.integer({ min: -200 * 366 * 86_400_000, max: 200 * 366 * 86_400_000 });

const monthly: BillingInterval = { unit: 'month', count: 1 };

describe('findPeriod', () => {
  it('puts every instant in exactly one period: start ≤ at < end, ends meet the next start', () => {
    fc.assert(
      fc.property(anchors, intervals, offsetsMs, (anchor, interval, offset) => {
        const at = new Date(anchor.getTime() + offset);
        const { index, start, end } = findPeriod({ anchor, interval, at });
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime()).toBeLessThan(end.getTime());
        expect(start.getTime()).toBe(addIntervals({ anchor, interval, periods: index }).getTime());
        expect(end.getTime()).toBe(
          addIntervals({ anchor, interval, periods: index + 1 }).getTime(),
        );
        // The neighbours do not contain it: period index − 1 ends at `start`, index + 1 starts at `end`.
        expect(addIntervals({ anchor, interval, periods: index - 1 }).getTime()).toBeLessThan(
          start.getTime(),
        );
      }),
    );
  });

  it('gives index k at the start of period k and k − 1 one millisecond before it', () => {
    fc.assert(
      fc.property(
        anchors,
        intervals,
        fc.integer({ min: -150, max: 150 }),
        (anchor, interval, k) => {
          const start = addIntervals({ anchor, interval, periods: k });
          expect(findPeriod({ anchor, interval, at: start }).index).toBe(k);
          expect(findPeriod({ anchor, interval, at: new Date(start.getTime() - 1) }).index).toBe(
            k - 1,
          );
        },
      ),
    );
  });

  it('never decreases as time goes on', () => {
    fc.assert(
      fc.property(anchors, intervals, offsetsMs, offsetsMs, (anchor, interval, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const earlyIndex = findPeriod({ anchor, interval, at: new Date(anchor.getTime() + early) });
        const lateIndex = findPeriod({ anchor, interval, at: new Date(anchor.getTime() + late) });
        expect(earlyIndex.index).toBeLessThanOrEqual(lateIndex.index);
      }),
    );
  });

  it('follows the anchor day through February in a leap year', () => {
    const anchor = new Date('2028-01-31T10:00:00.000Z');
    const inFebruary = findPeriod({
      anchor,
      interval: monthly,
      at: new Date('2028-03-15T00:00:00.000Z'),
    });
    expect(inFebruary.index).toBe(1);
    expect(inFebruary.start.toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(inFebruary.end.toISOString()).toBe('2028-03-31T10:00:00.000Z');
    const lastDay = findPeriod({
      anchor,
      interval: monthly,
      at: new Date('2028-03-31T10:00:00.000Z'),
    });
    expect(lastDay.index).toBe(2);
  });

  it('gives negative indices before the anchor', () => {
    const anchor = new Date('2026-03-31T00:00:00.000Z');
    const before = findPeriod({
      anchor,
      interval: monthly,
      at: new Date('2026-03-01T00:00:00.000Z'),
    });
    expect(before.index).toBe(-1);
    expect(before.start.toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });

  it.each([
    ['anchor', new Date(Number.NaN), new Date()],
    ['at', new Date(), new Date(Number.NaN)],
    ['at', new Date('2026-01-01T00:00:00.000Z'), new Date('9000-01-01T00:00:00.000Z')],
  ])('refuses an invalid %s', (field, anchor, at) => {
    const attempt = () => findPeriod({ anchor, interval: { unit: 'day', count: 1 }, at });
    expect(attempt).toThrow(InvalidPeriodInputError);
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

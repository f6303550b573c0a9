import { billingIntervalUnits, maxIntervalCount } from './BillingInterval.ts';
import type { BillingInterval } from './BillingInterval.ts';
import { InvalidBillingIntervalError } from './errors.ts';

export type AssertBillingIntervalErrorType = InvalidBillingIntervalError;

const units: ReadonlySet<unknown> = new Set(billingIntervalUnits);

/** Throws unless `interval` is a known unit with a whole count from 1 to that unit's maximum. */
export function assertBillingInterval(interval: unknown): asserts interval is BillingInterval {
  if (typeof interval !== 'object' || interval === null) {
    throw new InvalidBillingIntervalError({
      field: 'interval',
      expected: 'an object { unit, count }',
      received: interval,
    });
  }
  const { unit, count } = interval as { unit?: unknown; count?: unknown };
  if (!units.has(unit)) {
    throw new InvalidBillingIntervalError({
      field: 'unit',
      expected: billingIntervalUnits.join(', '),
      received: unit,
    });
  }
  const max = maxIntervalCount[unit as BillingInterval['unit']];
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > max) {
    throw new InvalidBillingIntervalError({
      field: 'count',
      expected: `a whole number from 1 to ${max} for ${unit as string}`,
      received: count,
    });
  }
}

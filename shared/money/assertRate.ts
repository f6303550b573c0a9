import type { Rate } from './Rate.ts';
import { InvalidRateError } from './errors.ts';

export type AssertRateErrorType = InvalidRateError;

/** A rate built elsewhere (an aggregate, a stored quote) is checked before it divides anything. */
export function assertRate(rate: unknown): asserts rate is Rate {
  if (typeof rate !== 'object' || rate === null) {
    throw new InvalidRateError({ reason: 'expected { numerator, denominator }', input: rate });
  }
  const { numerator, denominator } = rate as Record<string, unknown>;
  if (typeof numerator !== 'bigint' || typeof denominator !== 'bigint') {
    throw new InvalidRateError({
      reason: 'numerator and denominator must be bigints',
      input: rate,
    });
  }
  if (numerator <= 0n || denominator <= 0n) {
    throw new InvalidRateError({
      reason: 'numerator and denominator must be positive',
      input: `${numerator}/${denominator}`,
    });
  }
}

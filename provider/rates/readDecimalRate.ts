import type { Rate } from '../../shared/money/Rate.ts';
import { parseRate } from '../../shared/money/parseRate.ts';
import type { Pair } from './Pair.ts';
import { MalformedResponseError } from './errors.ts';

export type ReadDecimalRateParameters = { source: string; pair: Pair; text: string; path: string };
export type ReadDecimalRateReturnType = Rate;
export type ReadDecimalRateErrorType = MalformedResponseError;

/**
 * A decimal string from a source as an exact rate (never through a float). Zero, negative,
 * exponent or non-decimal text is the source's fault: a `MalformedResponseError` whose cause is
 * the money module's `InvalidRateError`.
 */
export function readDecimalRate({
  source,
  pair,
  text,
  path,
}: ReadDecimalRateParameters): ReadDecimalRateReturnType {
  try {
    return parseRate(text);
  } catch (cause) {
    throw new MalformedResponseError({
      source,
      pair,
      reason: `${path} is not a positive decimal`,
      cause,
    });
  }
}

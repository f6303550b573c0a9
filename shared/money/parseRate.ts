import type { Rate } from './Rate.ts';
import { InvalidRateError } from './errors.ts';

export type ParseRateReturnType = Rate;
export type ParseRateErrorType = InvalidRateError;

const decimalPattern = /^([0-9]+)(?:\.([0-9]+))?$/;
const maxInputLength = 256;

/**
 * Reads a positive decimal rate exactly: "1.0834" → 10834/10000. Same grammar as `parseAmount`
 * (no sign, exponent or spaces); zero is refused, since no asset is worth nothing.
 */
export function parseRate(text: string): ParseRateReturnType {
  const match =
    typeof text === 'string' && text.length <= maxInputLength && decimalPattern.exec(text);
  if (!match) {
    throw new InvalidRateError({ reason: 'expected a positive decimal like 1.0834', input: text });
  }
  const [, integer = '', fraction = ''] = match;
  const numerator = BigInt(integer + fraction);
  if (numerator === 0n)
    throw new InvalidRateError({ reason: 'a rate cannot be zero', input: text });
  return { numerator, denominator: 10n ** BigInt(fraction.length) };
}

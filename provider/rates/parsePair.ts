import type { Pair } from './Pair.ts';
import { InvalidPairError } from './errors.ts';

export type ParsePairReturnType = { pair: Pair; base: string; quote: string };
export type ParsePairErrorType = InvalidPairError;

const pairPattern = /^([A-Z0-9]{2,12})\/([A-Z0-9]{2,12})$/;

/** Splits `ETH/USD` into its two symbols; refuses lower case, spaces and a pair of one symbol. */
export function parsePair(text: unknown): ParsePairReturnType {
  const match = typeof text === 'string' ? pairPattern.exec(text) : null;
  const [, base, quote] = match ?? [];
  if (base === undefined || quote === undefined) {
    throw new InvalidPairError({ input: text, reason: 'expected BASE/QUOTE in capitals' });
  }
  if (base === quote)
    throw new InvalidPairError({ input: text, reason: 'base and quote are equal' });
  return { pair: `${base}/${quote}`, base, quote };
}

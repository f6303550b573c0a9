import type { Pair } from './Pair.ts';
import { UnsupportedPairError } from './errors.ts';
import { parsePair } from './parsePair.ts';

export type RequireSupportedPairParameters = { source: string; pairs: readonly Pair[]; pair: Pair };
export type RequireSupportedPairReturnType = { base: string; quote: string };
export type RequireSupportedPairErrorType = UnsupportedPairError;

/** The two symbols of `pair` if the source quotes it itself; else an `UnsupportedPairError`. */
export function requireSupportedPair({
  source,
  pairs,
  pair,
}: RequireSupportedPairParameters): RequireSupportedPairReturnType {
  if (!pairs.includes(pair)) throw new UnsupportedPairError({ source, pair });
  const { base, quote } = parsePair(pair);
  return { base, quote };
}

import type { SourceQuote } from './RateSource.ts';

/** What one configured source gave for a pair in one round: a quote, or the reason it has none. */
export type SourceAnswer =
  | { readonly source: string; readonly quote: SourceQuote }
  | { readonly source: string; readonly error: unknown };

import type { Pair } from './Pair.ts';
import type { RateSource } from './RateSource.ts';
import type { SourceAnswer } from './SourceAnswer.ts';
import { InvalidRatesInputError } from './errors.ts';
import { fetchSourceQuote } from './fetchSourceQuote.ts';
import type { FetchSourceQuoteParameters } from './fetchSourceQuote.ts';

export type CollectQuotesParameters = FetchSourceQuoteParameters & {
  pair: Pair;
  /** The sources configured for `pair`. */
  sources: readonly RateSource[];
};
export type CollectQuotesReturnType = SourceAnswer[];
export type CollectQuotesErrorType = InvalidRatesInputError;

/**
 * Asks every configured source for `pair` at once and never throws for a source: each answer is
 * a quote or the error that source caused, in the sources' order, ready for `aggregateRates`.
 */
export async function collectQuotes({
  pair,
  sources,
  ...options
}: CollectQuotesParameters): Promise<CollectQuotesReturnType> {
  const ids = sources.map((source) => source.id);
  if (new Set(ids).size !== ids.length) {
    throw new InvalidRatesInputError({
      field: 'sources',
      reason: 'two sources share an id',
      received: ids.join(','),
    });
  }
  const settled = await Promise.allSettled(
    sources.map((source) => fetchSourceQuote(source, pair, options)),
  );
  return settled.map((result, index): SourceAnswer => {
    const source = ids[index] ?? '';
    return result.status === 'fulfilled'
      ? { source, quote: result.value }
      : { source, error: result.reason };
  });
}

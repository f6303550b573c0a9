import type { Pair } from '../rates/Pair.ts';
import { aggregateRates } from '../rates/aggregateRates.ts';
import type { AggregateRatesReturnType } from '../rates/aggregateRates.ts';
import { collectQuotes } from '../rates/collectQuotes.ts';
import { NoQuorumError } from '../rates/errors.ts';
import type { NoQuorumOutSource } from '../rates/errors.ts';
import type { FetchFunction } from '../rates/fetchSourceQuote.ts';
import { TpError } from '../../shared/errors/TpError.ts';
import type { RateBookSettings } from './RateBookSettings.ts';

export type CreateRateBookParameters = RateBookSettings & {
  now: () => Date;
  fetch?: FetchFunction;
  /** Told about refreshes that fail as a whole (a configuration error, not a source's). */
  onError?: (error: unknown) => void;
};

export type RateReading =
  | {
      readonly status: 'ok';
      readonly pair: Pair;
      readonly sources: readonly string[];
      readonly aggregate: AggregateRatesReturnType;
      /** Age now, not at the refresh: now − the oldest agreeing quote. */
      readonly ageMs: number;
      /** The last moment this rate is read as ok: past it, it is too old until a refresh. */
      readonly freshUntil: Date;
      readonly refreshedAt: Date;
    }
  | {
      readonly status: 'unavailable';
      readonly pair: Pair;
      readonly sources: readonly string[];
      readonly reason: string;
      readonly rejected: readonly NoQuorumOutSource[];
      readonly refreshedAt: Date | null;
    };

export type RateBook = {
  readonly pairs: readonly Pair[];
  /**
   * Changes whenever a refresh stores something (a new rate, or a pair becoming unavailable):
   * what was derived from `read` at one version holds while the version, and the clock up to
   * each reading's `freshUntil`, say so.
   */
  readonly version: number;
  /** Asks every source for every pair and replaces what is known; never throws for a source. */
  refresh(): Promise<void>;
  /** The latest rate of `pair` if a quorum agreed and it is still fresh enough. */
  read(pair: Pair): RateReading;
  /** Refreshes now and then every `refreshIntervalMs` (if set), until `stop()`. */
  start(): Promise<void>;
  stop(): void;
};

export type CreateRateBookReturnType = RateBook;

type Known =
  | { status: 'ok'; aggregate: AggregateRatesReturnType; refreshedAt: Date }
  | {
      status: 'unavailable';
      reason: string;
      rejected: readonly NoQuorumOutSource[];
      refreshedAt: Date;
    };

/**
 * The provider's current rates: `collectQuotes` then `aggregateRates` per configured pair (see
 * provider/rates/README.md), kept in memory, read by the routes. A rate is refused when no quorum
 * agreed at the last refresh, or when the agreement has grown older than `maxAgeMs` since (the
 * sources stopped answering): prices are never made from an old rate.
 */
export function createRateBook({
  pairs,
  toleranceBasisPoints,
  maxAgeMs,
  timeoutMs,
  refreshIntervalMs,
  now,
  fetch = globalThis.fetch,
  onError = () => {},
}: CreateRateBookParameters): CreateRateBookReturnType {
  const known = new Map<Pair, Known>();
  const sourcesByPair = new Map(pairs.map(({ pair, sources }) => [pair, sources]));
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let version = 0;

  function store(pair: Pair, entry: Known): void {
    known.set(pair, entry);
    version++;
  }

  async function refreshPair(pair: Pair): Promise<void> {
    const sources = sourcesByPair.get(pair) ?? [];
    const refreshedAt = now();
    try {
      const answers = await collectQuotes({ pair, sources, fetch, now, timeoutMs });
      const aggregate = aggregateRates({
        pair,
        sources: sources.map((source) => source.id),
        answers,
        toleranceBasisPoints,
        maxAgeMs,
        now: now(),
      });
      store(pair, { status: 'ok', aggregate, refreshedAt });
    } catch (error) {
      if (error instanceof NoQuorumError) {
        const { out } = error.details as { out: readonly NoQuorumOutSource[] };
        store(pair, {
          status: 'unavailable',
          reason: error.shortMessage,
          rejected: out,
          refreshedAt,
        });
        return;
      }
      onError(error);
      store(pair, {
        status: 'unavailable',
        reason: error instanceof TpError ? error.shortMessage : 'The rate could not be computed.',
        rejected: [],
        refreshedAt,
      });
    }
  }

  const book: RateBook = {
    pairs: pairs.map(({ pair }) => pair),
    get version() {
      return version;
    },
    refresh() {
      running ??= Promise.all(book.pairs.map(refreshPair))
        .then(() => undefined)
        .finally(() => {
          running = undefined;
        });
      return running;
    },
    read(pair) {
      const sources = (sourcesByPair.get(pair) ?? []).map((source) => source.id);
      const entry = known.get(pair);
      if (!sourcesByPair.has(pair)) {
        return unavailable(pair, sources, `No sources are configured for ${pair}.`, null);
      }
      if (entry === undefined) {
        return unavailable(pair, sources, `No rate for ${pair} yet: not refreshed.`, null);
      }
      if (entry.status === 'unavailable') {
        return { ...entry, pair, sources };
      }
      const { aggregate, refreshedAt } = entry;
      const ageMs = aggregate.ageMs + Math.max(0, now().getTime() - aggregate.computedAt.getTime());
      if (ageMs > maxAgeMs) {
        return unavailable(
          pair,
          sources,
          `No rate for ${pair}: the last agreeing quotes are ${Math.floor(ageMs / 1000)} s old, ` +
            `more than ${Math.floor(maxAgeMs / 1000)} s.`,
          refreshedAt,
        );
      }
      // ageMs passes maxAgeMs once now − computedAt passes maxAgeMs − aggregate.ageMs.
      const freshUntil = new Date(aggregate.computedAt.getTime() + maxAgeMs - aggregate.ageMs);
      return { status: 'ok', pair, sources, aggregate, ageMs, freshUntil, refreshedAt };
    },
    async start() {
      await book.refresh();
      if (refreshIntervalMs === null || timer !== undefined) return;
      timer = setInterval(() => {
        book.refresh().catch(onError);
      }, refreshIntervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
  return book;
}

function unavailable(
  pair: Pair,
  sources: readonly string[],
  reason: string,
  refreshedAt: Date | null,
): RateReading {
  return { status: 'unavailable', pair, sources, reason, rejected: [], refreshedAt };
}

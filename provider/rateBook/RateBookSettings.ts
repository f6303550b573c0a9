import type { Pair } from '../rates/Pair.ts';
import type { RateSource } from '../rates/RateSource.ts';

/** The sources configured for one pair; n = `sources.length` sets the quorum. */
export type PairSources = {
  readonly pair: Pair;
  readonly sources: readonly RateSource[];
};

/** How the provider prices: which pairs, from which sources, how strictly and how often. */
export type RateBookSettings = {
  readonly pairs: readonly PairSources[];
  /** How far apart agreeing quotes may be: 50n is 0.5%. */
  readonly toleranceBasisPoints: bigint;
  /** A rate whose oldest agreeing quote is older than this is not used. */
  readonly maxAgeMs: number;
  /** Per request to a source. */
  readonly timeoutMs: number;
  /** How often the server asks the sources; `null`: only when `refresh()` is called (tests). */
  readonly refreshIntervalMs: number | null;
};

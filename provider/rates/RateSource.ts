import type { Rate } from '../../shared/money/Rate.ts';
import type { Pair } from './Pair.ts';

/** One source's answer for one pair: exact, with where and when it came from. */
export type SourceQuote = {
  /** The id of the source that answered (`kraken`). */
  readonly source: string;
  readonly pair: Pair;
  /** One `base` is worth `rate` `quote`. */
  readonly rate: Rate;
  /**
   * When the value was true: the source's own timestamp if it gives one (the ECB's reference
   * date), else when we fetched it. Staleness is measured from here.
   */
  readonly observedAt: Date;
  /** When we received the answer (the earliest one, for a rate derived from several). */
  readonly fetchedAt: Date;
  /** The source's own markets this quote was read from, in order (one, or two for a cross). */
  readonly via: readonly Pair[];
  /** Equivalences the quote relies on, like `USDT=USD`; empty when it relies on none. */
  readonly assumptions: readonly string[];
};

/** What to fetch: the network call itself is made elsewhere (`fetchSourceQuote`). */
export type SourceRequest = {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
};

type RateSourceBase = {
  /** Stable, unique among the configured sources: it names the source in rates and logs. */
  readonly id: string;
  /** The markets the source itself quotes; other pairs are derived by inversion or a cross. */
  readonly pairs: readonly Pair[];
  /**
   * Symbols of this source taken to mean another symbol, like `{ USDT: 'USD' }` for an exchange
   * that quotes in USDT. Never implied: empty unless configured, and recorded on every quote that
   * uses one (`assumptions`).
   */
  readonly equivalences: Readonly<Record<string, string>>;
};

/** A public API reached over HTTP: building the request and reading the answer are pure. */
export type HttpRateSource = RateSourceBase & {
  readonly kind: 'http';
  buildRequest(pair: Pair): SourceRequest;
  /** Throws a typed error for anything but a well-formed, positive, decimal answer for `pair`. */
  parseResponse(pair: Pair, body: string, fetchedAt: Date): SourceQuote;
};

/** Rates known without asking anyone (the local dev stack's configured rates). */
export type FixedRateSource = RateSourceBase & {
  readonly kind: 'fixed';
  quote(pair: Pair, at: Date): SourceQuote;
};

export type RateSource = HttpRateSource | FixedRateSource;

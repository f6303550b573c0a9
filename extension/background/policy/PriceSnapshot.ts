/**
 * The prices `decide` may use, as one synchronous snapshot (decide is pure): the wiring fills it
 * from the provider's rates and the wallet's own token list before each decision.
 */
import type { Rate } from '../../../shared/money/Rate.ts';

export type PriceQuote = {
  /** One whole unit of the asset is worth `rate` whole units of `PriceSnapshot.currency`. */
  readonly rate: Rate;
  readonly symbol: string;
  readonly decimals: number;
  /** When the source observed the price, in milliseconds since the epoch. */
  readonly observedAt: number;
  /**
   * The ISO 4217 currency a stablecoin is pegged to (USDC: USD, EURC: EUR), from the wallet's
   * own token list, never from the price source or a site.
   */
  readonly peg?: string;
};

export type PriceSnapshot = {
  /** ISO 4217 code every rate is in. */
  readonly currency: string;
  /** By `toAssetKey`. */
  readonly quotes: ReadonlyMap<string, PriceQuote>;
};

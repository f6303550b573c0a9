import type { Pair } from '../rates/Pair.ts';
import type { RateSource } from '../rates/RateSource.ts';
import { createBinanceSource } from '../rates/createBinanceSource.ts';
import { createCoinbaseSource } from '../rates/createCoinbaseSource.ts';
import { createEcbSource } from '../rates/createEcbSource.ts';
import { createKrakenSource } from '../rates/createKrakenSource.ts';
import { planRoute } from '../rates/planRoute.ts';
import { localRates } from './createLocalRateSettings.ts';
import type { RateBookSettings } from './RateBookSettings.ts';

export type CreateLiveRateSettingsParameters = {
  pairs?: readonly Pair[];
  refreshIntervalMs?: number | null;
};
export type CreateLiveRateSettingsReturnType = RateBookSettings;

/**
 * RATES_MODE=live: the public market APIs (Coinbase, Kraken, Binance with USDT taken as USD, the
 * ECB). Each pair gets the sources that can quote it, directly, inverted or through one cross
 * (`planRoute`); n is counted per pair. Refreshed every 30 s, stale after 10 min (BTCPay's
 * numbers).
 */
export function createLiveRateSettings({
  pairs = Object.keys(localRates) as Pair[],
  refreshIntervalMs = 30_000,
}: CreateLiveRateSettingsParameters = {}): CreateLiveRateSettingsReturnType {
  const sources: RateSource[] = [
    createCoinbaseSource(),
    createKrakenSource(),
    createBinanceSource({ equivalences: { USDT: 'USD' } }),
    createEcbSource(),
  ];
  return {
    pairs: pairs.map((pair) => ({
      pair,
      sources: sources.filter((source) => canQuote(source, pair)),
    })),
    toleranceBasisPoints: 50n,
    maxAgeMs: 10 * 60_000,
    timeoutMs: 5_000,
    refreshIntervalMs,
  };
}

function canQuote(source: RateSource, pair: Pair): boolean {
  try {
    planRoute({
      source: source.id,
      target: pair,
      pairs: source.pairs,
      equivalences: source.equivalences,
    });
    return true;
  } catch {
    return false;
  }
}

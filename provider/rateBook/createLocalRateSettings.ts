import type { Pair } from '../rates/Pair.ts';
import { createLocalSource } from '../rates/createLocalSource.ts';
import type { RateBookSettings } from './RateBookSettings.ts';

export type CreateLocalRateSettingsParameters = {
  refreshIntervalMs?: number | null;
};
export type CreateLocalRateSettingsReturnType = RateBookSettings;

/** Round numbers, close to the market, for a stack that works offline. Not prices to trade at. */
export const localRates: Readonly<Record<Pair, string>> = {
  'ETH/USD': '3000',
  'ETH/EUR': '2760',
  'USDC/USD': '1',
  'USDC/EUR': '0.92',
  'EURC/EUR': '1',
  'EURC/USD': '1.087',
  'DAI/USD': '1',
  'DAI/EUR': '0.92',
};

/**
 * The dev stack's rates (RATES_MODE=local, the default): four fixed sources, as the real set
 * would have. Three agree within a few basis points (their median is exactly `localRates`);
 * the fourth is 3% off on purpose, so `GET /v1/rates` shows an outlier being rejected.
 * n = 4 tolerates f = 1 bad source; 3 must agree.
 */
export function createLocalRateSettings({
  refreshIntervalMs = 30_000,
}: CreateLocalRateSettingsParameters = {}): CreateLocalRateSettingsReturnType {
  const sources = [
    createLocalSource({ id: 'local-a', rates: localRates }),
    createLocalSource({ id: 'local-b', rates: localRates, skewBasisPoints: 4n }),
    createLocalSource({ id: 'local-c', rates: localRates, skewBasisPoints: -4n }),
    createLocalSource({ id: 'local-skewed', rates: localRates, skewBasisPoints: 300n }),
  ];
  return {
    pairs: (Object.keys(localRates) as Pair[]).map((pair) => ({ pair, sources })),
    toleranceBasisPoints: 50n,
    maxAgeMs: 10 * 60_000,
    timeoutMs: 5_000,
    refreshIntervalMs,
  };
}

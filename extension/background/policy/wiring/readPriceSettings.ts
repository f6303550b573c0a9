import type { PriceSettings } from './createPriceSource.ts';

export type ReadPriceSettingsReturnType = PriceSettings;

/**
 * Price settings as stored (storage.local), checked field by field: a provider URL must be
 * http(s); rates are `BASE/QUOTE` → decimal text; anything else is dropped, never guessed.
 */
export function readPriceSettings(value: unknown): ReadPriceSettingsReturnType {
  if (typeof value !== 'object' || value === null) return {};
  const { providerUrl, localRates, localRatesObservedAt } = value as Record<string, unknown>;
  const settings: { -readonly [Key in keyof PriceSettings]: PriceSettings[Key] } = {};
  if (typeof providerUrl === 'string' && /^https?:\/\//.test(providerUrl)) {
    try {
      settings.providerUrl = new URL(providerUrl).origin;
    } catch {
      // Not a URL: no provider.
    }
  }
  if (typeof localRates === 'object' && localRates !== null && !Array.isArray(localRates)) {
    const rates: Record<string, string> = {};
    for (const [pair, rate] of Object.entries(localRates).slice(0, 256))
      if (typeof rate === 'string' && /^[0-9]{1,40}(\.[0-9]{1,40})?$/.test(rate))
        rates[pair] = rate;
    settings.localRates = rates;
  }
  if (typeof localRatesObservedAt === 'number' && Number.isFinite(localRatesObservedAt))
    settings.localRatesObservedAt = localRatesObservedAt;
  return settings;
}

export type GuessShopperCountryReturnType = string | null;

/**
 * The shopper's likely country (ISO 3166-1 alpha-2) from the browser's languages, most preferred
 * first: the region of the first tag that has one or implies one (`en-GB` → GB, `de` → DE, as
 * `Intl.Locale#maximize` guesses). Only a default for the on-ramp's country field, which the
 * shopper can change; null when nothing fits.
 */
export function guessShopperCountry(
  languages: readonly (string | null | undefined)[],
): GuessShopperCountryReturnType {
  for (const language of languages) {
    if (typeof language !== 'string') continue;
    try {
      const region = new Intl.Locale(language.trim()).maximize().region;
      if (region !== undefined && /^[A-Z]{2}$/.test(region)) return region;
    } catch {
      // Not a language tag: try the next one.
    }
  }
  return null;
}

import { fiatCurrency } from '../../shared/money/fiatCurrency.ts';
import { formatAmountForDisplay } from '../../shared/money/formatAmountForDisplay.ts';

export type FormatFiatPriceReturnType = string;

/**
 * A price in the merchant's currency for people (`24,00 €` in German, `€24.00` in English), from
 * ISO 4217 minor units. A currency the money module does not know still shows, as digits + code,
 * rather than breaking the checkout.
 */
export function formatFiatPrice(
  amountMinor: string,
  currency: string,
  locale: string,
): FormatFiatPriceReturnType {
  try {
    return formatAmountForDisplay(BigInt(amountMinor), fiatCurrency(currency), { locale });
  } catch {
    return `${amountMinor} ${currency}`;
  }
}

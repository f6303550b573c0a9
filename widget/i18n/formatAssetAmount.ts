import { formatAmountForDisplay } from '../../shared/money/formatAmountForDisplay.ts';

export type FormatAssetAmountParameters = {
  amount: bigint;
  symbol: string;
  decimals: number;
  locale: string;
  /**
   * Cut to 6 fraction digits, rounding up (an indicative price is never shown lower than it is).
   * Without it the amount is exact: what the shopper must send.
   */
  isApproximate?: boolean;
};
export type FormatAssetAmountReturnType = string;

/** A crypto amount for people: `26.086957 USDC`, `0,0087 ETH`. */
export function formatAssetAmount({
  amount,
  symbol,
  decimals,
  locale,
  isApproximate = false,
}: FormatAssetAmountParameters): FormatAssetAmountReturnType {
  const asset = { kind: 'crypto', symbol, decimals } as const;
  try {
    return isApproximate
      ? formatAmountForDisplay(amount, asset, { locale, maximumFractionDigits: 6, rounding: 'up' })
      : formatAmountForDisplay(amount, asset, { locale });
  } catch {
    return `${amount} ${symbol}`;
  }
}

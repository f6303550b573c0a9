import type { Locale } from '../../shared/i18n/index.ts';
import { formatAmountForDisplay } from '../../shared/money/index.ts';
import type { BalanceView } from '../../shared/protocol/walletUiMessages.ts';

export type FormatBalanceReturnType = {
  /** At most 6 digits after the point, rounded down: never shows more than there is. */
  readonly short: string;
  /** Every digit. */
  readonly exact: string;
};

/** A balance from the worker (base units as a decimal string) for people, in their locale. */
export function formatBalance(balance: BalanceView, locale: Locale): FormatBalanceReturnType {
  const asset = { kind: 'crypto', symbol: balance.symbol, decimals: balance.decimals } as const;
  const value = BigInt(balance.value);
  return {
    short: formatAmountForDisplay(value, asset, {
      locale,
      maximumFractionDigits: Math.min(balance.decimals, 6),
      rounding: 'down',
    }),
    exact: formatAmountForDisplay(value, asset, { locale }),
  };
}

import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import { formatAmountForDisplay } from '../../../shared/money/index.ts';
import type { TokenReference } from '../../../shared/protocol/ActionView.ts';
import { shortenAddress } from '../shortenAddress.ts';

export type FormatTokenAmountParameters = TokenReference & {
  /** Base units, decimal string. */
  readonly amount: string;
  readonly isUnlimited?: boolean;
};

/**
 * A token amount for the approval window, exact to the last digit (rounding what someone is
 * about to spend would hide part of it): `25.5 USDC`, `UNLIMITED USDC`. A token the wallet does
 * not know is named by its address and counted in base units, since its decimals are unknown.
 */
export function formatTokenAmount(
  { token, tokenSymbol, tokenDecimals, amount, isUnlimited = false }: FormatTokenAmountParameters,
  t: Translator,
  locale: Locale,
): string {
  const isKnown = tokenSymbol !== undefined && tokenDecimals !== undefined;
  const tokenName = tokenSymbol ?? shortenAddress(token);
  if (isUnlimited) return t('approval.amount.unlimited', { token: tokenName });
  const value = /^\d{1,78}$/.test(amount) ? BigInt(amount) : undefined;
  if (value === undefined) return `${amount} ${tokenName}`;
  if (isKnown) {
    try {
      return formatAmountForDisplay(
        value,
        { kind: 'crypto', symbol: tokenSymbol, decimals: tokenDecimals },
        { locale },
      );
    } catch {
      // Not a displayable asset (odd symbol or decimals): fall through to base units.
    }
  }
  return t('approval.amount.baseUnits', {
    amount: new Intl.NumberFormat(locale).format(value),
    token: tokenName,
  });
}

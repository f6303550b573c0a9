import type { Locale, Translator } from '../../../shared/i18n/index.ts';
import { formatAmountForDisplay } from '../../../shared/money/index.ts';
import type { AmountUnitView } from '../../../shared/protocol/policyMessages.ts';
import { shortenAddress } from '../shortenAddress.ts';

export type FormatUnitAmountParameters = {
  /** Base units of `unit` (fiat: minor units), decimal string as the worker sends it. */
  readonly amount: string;
  readonly unit: AmountUnitView;
  readonly locale: Locale;
  readonly t: Translator;
};
export type FormatUnitAmountReturnType = string;

/**
 * An amount of a limit, a grant or a payment for people, exact to the last digit (a cap shown
 * rounded would promise more or less than it holds): `20,00 €`, `12.5 USDC`. A token the wallet
 * does not know is counted in base units and named by its address, since its decimals are unknown.
 */
export function formatUnitAmount({
  amount,
  unit,
  locale,
  t,
}: FormatUnitAmountParameters): FormatUnitAmountReturnType {
  const value = /^\d{1,78}$/.test(amount) ? BigInt(amount) : undefined;
  if (value !== undefined) {
    try {
      if (unit.kind === 'fiat')
        return formatAmountForDisplay(
          value,
          { kind: 'fiat', symbol: unit.currency, decimals: unit.decimals },
          { locale },
        );
      if (unit.symbol !== undefined && unit.decimals !== undefined)
        return formatAmountForDisplay(
          value,
          { kind: 'crypto', symbol: unit.symbol, decimals: unit.decimals },
          { locale },
        );
    } catch {
      // Not a displayable asset (an odd symbol or decimals): base units below say the truth.
    }
  }
  const shown = value === undefined ? amount : new Intl.NumberFormat(locale).format(value);
  const name =
    unit.kind === 'fiat'
      ? unit.currency
      : (unit.symbol ??
        (unit.asset === 'native' ? t('policy.amount.native') : shortenAddress(unit.asset)));
  return t('policy.amount.baseUnits', { amount: shown, token: name });
}

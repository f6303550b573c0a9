import type { Locale } from '../../../shared/i18n/index.ts';
import { formatAmountForDisplay } from '../../../shared/money/index.ts';

/** EIP-3085 fixes a chain's native currency at 18 decimals. */
const nativeDecimals = 18;

export type FormatNativeAmountParameters = {
  /** Wei, decimal string. */
  readonly wei: string;
  readonly symbol: string;
  readonly locale: Locale;
  /**
   * `exact` (default) shows every digit: for what is sent. `upTo6` keeps 6 digits, rounding up:
   * for a maximum fee, which must never look smaller than it can be.
   */
  readonly precision?: 'exact' | 'upTo6';
};

/** An amount of the chain's own currency (`0.5 ETH`); an unreadable one is shown as it came. */
export function formatNativeAmount({
  wei,
  symbol,
  locale,
  precision = 'exact',
}: FormatNativeAmountParameters): string {
  if (!/^\d{1,78}$/.test(wei)) return `${wei} wei`;
  const asset = { kind: 'crypto', symbol, decimals: nativeDecimals } as const;
  try {
    return precision === 'exact'
      ? formatAmountForDisplay(BigInt(wei), asset, { locale })
      : formatAmountForDisplay(BigInt(wei), asset, {
          locale,
          maximumFractionDigits: 6,
          rounding: 'up',
        });
  } catch {
    return `${wei} wei`;
  }
}

import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { formatAmount } from '../../../shared/money/formatAmount.ts';
import type { ComplianceRule } from './ComplianceRule.ts';

export type AmountLimits = {
  /** Minor units; inclusive. */
  readonly minimumMinor: bigint;
  /** Minor units; inclusive. */
  readonly maximumMinor: bigint;
};

export type CreateAmountLimitsRuleParameters = {
  /** Per ISO 4217 currency; a currency not listed is not sold in the region. */
  limits: Readonly<Record<string, AmountLimits>>;
};
export type CreateAmountLimitsRuleReturnType = ComplianceRule;

/**
 * `amount_limits`: what one order may cost (fees included), per currency. Outside the range the
 * order is refused (`onramp_amount_below_minimum` / `_above_maximum`); a currency with no limits
 * is refused too (`onramp_currency_not_supported`), so listing currencies is also how an
 * operator says which ones a region sells in.
 */
export function createAmountLimitsRule({
  limits,
}: CreateAmountLimitsRuleParameters): CreateAmountLimitsRuleReturnType {
  const type = 'amount_limits';
  return {
    type,
    check({ fiatCurrency: currency, fiatAmountMinor, region }) {
      const limit = limits[currency.symbol];
      if (limit === undefined) {
        return {
          code: 'onramp_currency_not_supported',
          message: `Purchases in ${currency.symbol} are not offered in region ${region}.`,
          param: 'fiat_currency',
          rule: type,
        };
      }
      const show = (minor: bigint) =>
        `${formatAmount(minor, fiatCurrency(currency.symbol))} ${currency.symbol}`;
      if (fiatAmountMinor < limit.minimumMinor) {
        return {
          code: 'onramp_amount_below_minimum',
          message: `Purchases in region ${region} start at ${show(limit.minimumMinor)}.`,
          param: 'fiat_amount_minor',
          rule: type,
        };
      }
      if (fiatAmountMinor > limit.maximumMinor) {
        return {
          code: 'onramp_amount_above_maximum',
          message: `Purchases in region ${region} are at most ${show(limit.maximumMinor)}.`,
          param: 'fiat_amount_minor',
          rule: type,
        };
      }
      return undefined;
    },
  };
}

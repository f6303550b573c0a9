import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { formatAmount } from '../../../shared/money/formatAmount.ts';
import type { ComplianceRule } from './ComplianceRule.ts';

export type CreateVerificationThresholdRuleParameters = {
  /** Per ISO 4217 currency, minor units: orders costing more need a verified identity. */
  aboveMinor: Readonly<Record<string, bigint>>;
};
export type CreateVerificationThresholdRuleReturnType = ComplianceRule;

/**
 * `verification_threshold`: above this amount (fees included) the order is refused with
 * `onramp_verification_required`. TP Pay verifies no identities itself: the shopper buys less,
 * or verifies with the on-ramp directly. Currencies not listed have no threshold.
 */
export function createVerificationThresholdRule({
  aboveMinor,
}: CreateVerificationThresholdRuleParameters): CreateVerificationThresholdRuleReturnType {
  const type = 'verification_threshold';
  return {
    type,
    check({ fiatCurrency: currency, fiatAmountMinor, region }) {
      const threshold = aboveMinor[currency.symbol];
      if (threshold === undefined || fiatAmountMinor <= threshold) return undefined;
      const shown = formatAmount(threshold, fiatCurrency(currency.symbol));
      return {
        code: 'onramp_verification_required',
        message:
          `Purchases above ${shown} ${currency.symbol} in region ${region} need identity ` +
          'verification first.',
        param: 'fiat_amount_minor',
        rule: type,
      };
    },
  };
}

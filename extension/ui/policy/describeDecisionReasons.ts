import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import type { DecisionView, ReasonView } from '../../../shared/protocol/policyMessages.ts';
import { formatUnitAmount } from './formatUnitAmount.ts';
import { capLabels, presetLabels } from './policyLabels.ts';

const unprovableLabels: Readonly<
  Record<Extract<ReasonView, { rule: 'unprovable' }>['reason'], MessageKey>
> = {
  'unknown-calldata': 'policy.reason.unknownCalldata',
  'unknown-token': 'policy.reason.unknownToken',
  'contract-creation': 'policy.reason.contractCreation',
  'unknown-typed-data': 'policy.reason.unknownTypedData',
  'malformed-typed-data': 'policy.reason.unknownTypedData',
  message: 'policy.reason.message',
};

const priceLabels: Readonly<
  Record<Extract<ReasonView, { rule: 'price-unavailable' }>['status'], MessageKey>
> = {
  missing: 'policy.reason.priceMissing',
  stale: 'policy.reason.priceStale',
  'off-peg': 'policy.reason.offPeg',
};

/**
 * Why the policy decided what it did, in short phrases for the activity list: only the rules
 * that asked for the decision's own action ("Over the per-day cap for this site (50,00 €)"), each
 * phrase once. An automatic payment names the caps or the allowance it fitted.
 */
export function describeDecisionReasons(
  decision: DecisionView,
  t: Translator,
  locale: Locale,
): string[] {
  const phrases = decision.reasons
    .filter((reason) => reason.action === decision.action)
    .map((reason) => describeReason(reason, decision, t, locale));
  return [...new Set(phrases)];
}

function describeReason(
  reason: ReasonView,
  decision: DecisionView,
  t: Translator,
  locale: Locale,
): string {
  const amount = (value: string, unit: Parameters<typeof formatUnitAmount>[0]['unit']) =>
    formatUnitAmount({ amount: value, unit, locale, t });
  switch (reason.rule) {
    case 'kill-switch':
      return t('policy.reason.killSwitch');
    case 'unprovable':
      return t(unprovableLabels[reason.reason]);
    case 'no-spend':
      return t('policy.reason.noSpend');
    case 'site-payments':
      return t('policy.reason.preset', { preset: t(presetLabels[reason.preset]) });
    case 'grant':
      return reason.fits
        ? t('policy.reason.grantFits', { limit: amount(reason.limit, reason.unit) })
        : t('policy.reason.grantExceeded', { limit: amount(reason.limit, reason.unit) });
    case 'limit': {
      const cap = t(capLabels[reason.window], { limit: amount(reason.limit, reason.unit) });
      if (reason.isExceeded)
        return reason.scope === 'site'
          ? t('policy.reason.siteLimitExceeded', { cap })
          : t('policy.reason.walletLimitExceeded', { cap });
      if (reason.isUnknown) return t('policy.reason.limitUnknown', { cap });
      return reason.scope === 'site'
        ? t('policy.reason.siteLimitFits', { cap })
        : t('policy.reason.walletLimitFits', { cap });
    }
    case 'chain-not-allowed':
      return t('policy.reason.chainNotAllowed', { chainId: reason.chainId });
    case 'asset-not-allowed':
      return t('policy.reason.assetNotAllowed');
    case 'recipient-not-allowed':
      return t('policy.reason.recipientNotAllowed');
    case 'new-recipient':
      return t('policy.reason.newRecipient');
    case 'unlimited-approval':
      return t('policy.reason.unlimitedApproval');
    case 'price-unavailable':
      return t(priceLabels[reason.status]);
    case 'network-fee': {
      // The fee cap is in the wallet currency, like the decision's other fiat amounts.
      const limit = amount(reason.limit, {
        kind: 'fiat',
        currency: decision.currency,
        decimals: decision.currencyDecimals,
      });
      return reason.action === 'auto'
        ? t('policy.reason.networkFeeFits', { limit })
        : t('policy.reason.networkFee', { limit });
    }
  }
}

import type { Locale, MessageKey, Translator } from '../../../shared/i18n/index.ts';
import type { PolicyPromptView } from '../../../shared/protocol/approvalMessages.ts';
import type {
  AssetReferenceView,
  LimitWindowName,
  ReasonView,
} from '../../../shared/protocol/policyMessages.ts';
import { formatUnitAmount } from '../policy/formatUnitAmount.ts';
import { presetLabels } from '../policy/policyLabels.ts';
import { shortenAddress } from '../shortenAddress.ts';

export type DescribePolicyPromptParameters = {
  readonly prompt: PolicyPromptView;
  /** The site's hostname, as the window shows it. */
  readonly site: string;
  readonly t: Translator;
  readonly locale: Locale;
};

export type DescribePolicyPromptReturnType = {
  /** Why the window opened: the rules that asked for this action, each once. */
  readonly reasons: readonly string[];
  /** The caps and allowances this request uses that did not ask (what is left of them). */
  readonly usage: readonly string[];
};

const windowWords: Readonly<Record<LimitWindowName, MessageKey>> = {
  transaction: 'approval.policy.window.transaction',
  hour: 'approval.policy.window.hour',
  day: 'approval.policy.window.day',
  week: 'approval.policy.window.week',
  '30-days': 'approval.policy.window.30-days',
};

/**
 * The policy's decision in the user's words for the approval window: "This payment uses 12,00 €
 * of your 50,00 € daily limit for shop.example (38,00 € left after it)". Reasons first (why the
 * window opened), then usage (what the request takes from caps that still fit).
 */
export function describePolicyPrompt({
  prompt,
  site,
  t,
  locale,
}: DescribePolicyPromptParameters): DescribePolicyPromptReturnType {
  const { decision } = prompt;
  const isUnlimited = decision.spends.some((spend) => spend.isUnlimited);
  const sentence = (reason: ReasonView) => describeReason(reason, { site, t, locale, isUnlimited });
  // A grant the payment does not fit is part of why the user is asked (a subscription renewal
  // above its allowance, say), though the grant itself asks for nothing.
  const reasons = decision.reasons
    .filter(
      (reason) =>
        (reason.action === decision.action && reason.action !== 'auto') ||
        (reason.rule === 'grant' && !reason.fits && decision.action !== 'auto'),
    )
    .map(sentence);
  const usage = decision.reasons
    .filter(
      (reason) =>
        reason.action !== decision.action &&
        (reason.rule === 'limit' || (reason.rule === 'grant' && reason.fits)),
    )
    .map(sentence);
  if (prompt.requiresPassword) reasons.push(t('approval.policy.reason.stepUp'));
  return { reasons: [...new Set(reasons)], usage: [...new Set(usage)] };
}

function describeReason(
  reason: ReasonView,
  {
    site,
    t,
    locale,
    isUnlimited,
  }: { site: string; t: Translator; locale: Locale; isUnlimited: boolean },
): string {
  const amount = (value: string, unit: Parameters<typeof formatUnitAmount>[0]['unit']) =>
    formatUnitAmount({ amount: value, unit, locale, t });
  const asset = (reference: AssetReferenceView) =>
    reference.symbol ??
    (reference.asset === 'native' ? t('policy.amount.native') : shortenAddress(reference.asset));
  switch (reason.rule) {
    case 'kill-switch':
      return t('approval.policy.reason.killSwitch');
    case 'unprovable':
      return reason.reason === 'message'
        ? t('approval.policy.reason.message')
        : t('approval.policy.reason.unprovable');
    case 'no-spend':
      return t('approval.policy.reason.noSpend');
    case 'site-payments':
      return t(
        reason.action === 'block'
          ? 'approval.policy.reason.presetBlock'
          : 'approval.policy.reason.preset',
        { site, preset: t(presetLabels[reason.preset]) },
      );
    case 'grant':
      return reason.fits
        ? t('approval.policy.reason.grantFits', {
            amount: amount(reason.amount, reason.unit),
            limit: amount(reason.limit, reason.unit),
            remaining: amount(reason.remaining, reason.unit),
            site,
          })
        : t('approval.policy.reason.grantExceeded', {
            amount: amount(reason.amount, reason.unit),
            limit: amount(reason.limit, reason.unit),
            used: amount(reason.used, reason.unit),
            site,
          });
    case 'limit': {
      const values = {
        amount: amount(reason.amount, reason.unit),
        limit: amount(reason.limit, reason.unit),
        used: amount(reason.used, reason.unit),
        remaining: amount(reason.remaining, reason.unit),
        window: t(windowWords[reason.window]),
        site,
      };
      const isSite = reason.scope === 'site';
      // "Everything, forever" has no amount worth printing: its value is the type's maximum.
      if (isUnlimited && reason.isExceeded)
        return t(
          isSite
            ? 'approval.policy.reason.unlimitedExceeds'
            : 'approval.policy.reason.walletUnlimitedExceeds',
          values,
        );
      if (reason.isUnknown && !reason.isExceeded)
        return t('approval.policy.reason.limitUnknown', values);
      if (reason.window === 'transaction')
        return t(
          reason.isExceeded
            ? isSite
              ? 'approval.policy.reason.perPaymentExceeds'
              : 'approval.policy.reason.walletPerPaymentExceeds'
            : isSite
              ? 'approval.policy.reason.perPaymentFits'
              : 'approval.policy.reason.walletPerPaymentFits',
          values,
        );
      if (reason.isExceeded)
        return t(
          isSite
            ? 'approval.policy.reason.limitExceeds'
            : 'approval.policy.reason.walletLimitExceeds',
          values,
        );
      return t(
        isSite ? 'approval.policy.reason.limitUses' : 'approval.policy.reason.walletLimitUses',
        values,
      );
    }
    case 'chain-not-allowed':
      return t('approval.policy.reason.chainNotAllowed', { chainId: reason.chainId, site });
    case 'asset-not-allowed':
      return t('approval.policy.reason.assetNotAllowed', { asset: asset(reason.asset), site });
    case 'recipient-not-allowed':
      return t('approval.policy.reason.recipientNotAllowed', {
        recipient: reason.recipient === undefined ? '—' : shortenAddress(reason.recipient),
        site,
      });
    case 'new-recipient':
      return t('approval.policy.reason.newRecipient', {
        recipient: shortenAddress(reason.recipient),
        site,
      });
    case 'unlimited-approval':
      return t('approval.policy.reason.unlimited');
    case 'price-unavailable':
      return t(
        reason.status === 'missing'
          ? 'approval.policy.reason.priceMissing'
          : reason.status === 'stale'
            ? 'approval.policy.reason.priceStale'
            : 'approval.policy.reason.offPeg',
        { asset: asset(reason.asset) },
      );
    case 'network-fee':
      return t('approval.policy.reason.networkFee');
  }
}

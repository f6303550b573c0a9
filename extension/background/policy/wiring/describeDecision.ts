/**
 * The decision in plain English for the site (the 4100 message when the policy refuses) and the
 * notification of an automatic payment. The approval window says the same in the user's
 * language (extension/ui/approval/describePolicyReason.ts).
 */
import { formatAmount } from '../../../../shared/money/formatAmount.ts';
import type { Decision, DecisionReason, ReasonUnit } from '../Decision.ts';
import type { LimitWindow } from '../Policy.ts';

export type DescribeDecisionParameters = {
  decision: Decision;
  origin: string;
  /** Only the reasons that asked for this action (default: the decision's own action). */
  action?: Decision['action'];
};
export type DescribeDecisionReturnType = string;

const windowNames: Readonly<Record<LimitWindow, string>> = {
  transaction: 'per-payment',
  hour: 'hourly',
  day: 'daily',
  week: 'weekly',
  '30-days': '30-day',
};

/** "this payment uses 12 of your 50 EUR daily limit for shop.example"; several joined by "; ". */
export function describeDecision({
  decision,
  origin,
  action = decision.action,
}: DescribeDecisionParameters): DescribeDecisionReturnType {
  const host = hostOf(origin);
  const sentences = decision.reasons
    .filter((reason) => reason.action === action)
    .map((reason) => describeReason(reason, host))
    .filter((sentence) => sentence.length > 0);
  return [...new Set(sentences)].join('; ');
}

function describeReason(reason: DecisionReason, host: string): string {
  switch (reason.rule) {
    case 'kill-switch':
      return 'automatic payments are frozen (kill switch)';
    case 'unprovable':
      return reason.reason === 'message'
        ? 'the wallet cannot tell what signing this message allows'
        : 'the wallet cannot prove what this request spends';
    case 'no-spend':
      return 'this request spends nothing the wallet can prove';
    case 'site-payments':
      return reason.action === 'block'
        ? `${host} may only take payments you granted it`
        : reason.action === 'auto'
          ? ''
          : `${host} asks every time`;
    case 'grant':
      return `this payment uses ${amount(reason.amount, reason.unit)} of the ${amount(reason.limit, reason.unit)} you granted ${host} (${amount(reason.used, reason.unit)} used before)`;
    case 'limit': {
      const scope = reason.scope === 'site' ? ` for ${host}` : ' across all sites';
      const used =
        reason.window === 'transaction' ? '' : ` (${amount(reason.used, reason.unit)} used before)`;
      return reason.isExceeded
        ? `this payment of ${amount(reason.amount, reason.unit)} would pass your ${amount(reason.limit, reason.unit)} ${windowNames[reason.window]} limit${scope}${used}`
        : `this payment uses ${amount(reason.amount, reason.unit)} of your ${amount(reason.limit, reason.unit)} ${windowNames[reason.window]} limit${scope}${used}`;
    }
    case 'chain-not-allowed':
      return `payments on chain ${reason.chainId} are not allowed for ${host}`;
    case 'asset-not-allowed':
      return `this asset is not allowed for ${host}`;
    case 'recipient-not-allowed':
      return `this recipient is not allowed for ${host}`;
    case 'new-recipient':
      return `${host} never paid this recipient before`;
    case 'unlimited-approval':
      return 'an unlimited approval is never automatic';
    case 'price-unavailable':
      return reason.status === 'missing'
        ? 'no price is available for this asset'
        : reason.status === 'stale'
          ? 'the price of this asset is too old'
          : 'this stablecoin is off its peg';
    case 'network-fee':
      return 'the network fee is above your limit for automatic payments';
  }
}

function amount(value: bigint, unit: ReasonUnit): string {
  if (unit.kind === 'fiat')
    return `${formatAmount(value, { kind: 'fiat', symbol: unit.currency, decimals: unit.decimals })} ${unit.currency}`;
  if (unit.decimals === undefined) return `${value.toString()} base units`;
  return `${formatAmount(value, { kind: 'crypto', symbol: unit.symbol ?? '', decimals: unit.decimals })} ${unit.symbol ?? ''}`.trim();
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

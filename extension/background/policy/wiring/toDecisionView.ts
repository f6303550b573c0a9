import { fiatCurrency } from '../../../../shared/money/fiatCurrency.ts';
import type {
  AmountUnitView,
  AssetReferenceView,
  DecisionView,
  ReasonView,
} from '../../../../shared/protocol/policyMessages.ts';
import type { Decision, DecisionReason, ReasonUnit } from '../Decision.ts';
import type { ChainAssetReference, PolicyPreset } from '../Policy.ts';
import type { AssetNames } from './createAssetNames.ts';

export type ToDecisionViewParameters = {
  decision: Decision;
  /** The site's preset, named in the window ("Trusted shop"). */
  preset: PolicyPreset;
  names: AssetNames;
};
export type ToDecisionViewReturnType = DecisionView;

/** A decision as plain JSON for the approval window and the activity log. */
export function toDecisionView({
  decision,
  preset,
  names,
}: ToDecisionViewParameters): ToDecisionViewReturnType {
  let total: bigint | undefined = 0n;
  for (const spend of decision.spends)
    total =
      total === undefined || spend.fiatValue === undefined ? undefined : total + spend.fiatValue;
  return {
    action: decision.action,
    reasons: decision.reasons.map((reason) => toReasonView(reason, names)),
    spends: decision.spends.map((spend) => ({
      ...toAssetReferenceView(spend, names),
      kind: spend.kind,
      amount: spend.amount.toString(),
      ...(spend.recipient === undefined ? {} : { recipient: spend.recipient }),
      isUnlimited: spend.isUnlimited,
      ...(spend.fiatValue === undefined ? {} : { fiatValue: spend.fiatValue.toString() }),
    })),
    currency: decision.currency,
    currencyDecimals: fiatCurrency(decision.currency).decimals,
    ...(total === undefined || decision.spends.length === 0 ? {} : { totalFiat: total.toString() }),
    ...(decision.grantId === undefined ? {} : { grantId: decision.grantId }),
    preset,
  };
}

export function toAssetReferenceView(
  asset: ChainAssetReference,
  names: AssetNames,
): AssetReferenceView {
  const name = names(asset);
  return {
    chainId: asset.chainId,
    asset: asset.asset,
    ...(name === undefined ? {} : { symbol: name.symbol, decimals: name.decimals }),
  };
}

export function toUnitView(unit: ReasonUnit, names: AssetNames): AmountUnitView {
  if (unit.kind === 'fiat') return unit;
  const named = toAssetReferenceView(unit, names);
  return {
    kind: 'token',
    ...named,
    ...(unit.symbol === undefined ? {} : { symbol: unit.symbol }),
    ...(unit.decimals === undefined ? {} : { decimals: unit.decimals }),
  };
}

function toReasonView(reason: DecisionReason, names: AssetNames): ReasonView {
  switch (reason.rule) {
    case 'grant':
      return {
        ...reason,
        unit: toUnitView(reason.unit, names),
        used: reason.used.toString(),
        amount: reason.amount.toString(),
        limit: reason.limit.toString(),
        remaining: reason.remaining.toString(),
      };
    case 'limit':
      return {
        ...reason,
        unit: toUnitView(reason.unit, names),
        used: reason.used.toString(),
        amount: reason.amount.toString(),
        limit: reason.limit.toString(),
        remaining: reason.remaining.toString(),
      };
    case 'asset-not-allowed':
    case 'unlimited-approval':
    case 'price-unavailable':
      return { ...reason, asset: toAssetReferenceView(reason.asset, names) };
    case 'network-fee':
      return {
        rule: reason.rule,
        fee: reason.fee.toString(),
        ...(reason.value === undefined ? {} : { value: reason.value.toString() }),
        limit: reason.limit.toString(),
        action: reason.action,
      };
    default:
      return reason;
  }
}

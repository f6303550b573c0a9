import { formatAmount } from '../../../shared/money/index.ts';
import type { LimitJson } from '../../../shared/protocol/policyMessages.ts';
import type { CapDraft } from './CapDraft.ts';
import { capUnitKey } from './capUnitKey.ts';

export type LimitToCapDraftParameters = {
  readonly limit: LimitJson;
  readonly key: number;
  /** The wallet's currency and its minor units, for a fiat cap's amount. */
  readonly currency: string;
  readonly currencyDecimals: number;
};
export type LimitToCapDraftReturnType = CapDraft;

/** A stored cap as the form shows it: the amount in whole units, exact ("20.5", "0.000001"). */
export function limitToCapDraft({
  limit,
  key,
  currency,
  currencyDecimals,
}: LimitToCapDraftParameters): LimitToCapDraftReturnType {
  const asset =
    limit.unit.kind === 'fiat'
      ? ({ kind: 'fiat', symbol: currency, decimals: currencyDecimals } as const)
      : ({ kind: 'crypto', symbol: limit.unit.symbol, decimals: limit.unit.decimals } as const);
  let amountText = '';
  if (/^\d{1,78}$/.test(limit.amount)) {
    try {
      amountText = formatAmount(BigInt(limit.amount), asset);
    } catch {
      // An amount the asset cannot hold: the field stays empty and saving asks for one.
    }
  }
  return {
    key,
    window: limit.window,
    unitKey: capUnitKey(limit.unit),
    amountText,
    whenExceeded: limit.whenExceeded,
  };
}

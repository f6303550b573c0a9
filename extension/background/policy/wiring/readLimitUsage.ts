import { fiatCurrency } from '../../../../shared/money/fiatCurrency.ts';
import type { LimitUsageView } from '../../../../shared/protocol/policyMessages.ts';
import type { LedgerScope, LedgerView } from '../LedgerView.ts';
import { limitWindowMilliseconds } from '../Policy.ts';
import type { Limit, LimitWindow, PolicyState } from '../Policy.ts';
import type { PriceSnapshot } from '../PriceSnapshot.ts';
import { toAssetKey } from '../toAssetKey.ts';
import { valueInFiat } from '../valueInFiat.ts';
import type { AssetNames } from './createAssetNames.ts';
import { toUnitView } from './toDecisionView.ts';

export type ReadLimitUsageParameters = {
  limit: Limit;
  scope: LedgerScope;
  ledger: LedgerView;
  policy: PolicyState;
  prices: PriceSnapshot;
  names: AssetNames;
  /** Epoch ms. */
  now: number;
};
export type ReadLimitUsageReturnType = LimitUsageView;

/** A limit with what its window holds now (reserved and settled spending), as `decide` counts it. */
export function readLimitUsage({
  limit,
  scope,
  ledger,
  policy,
  prices,
  names,
  now,
}: ReadLimitUsageParameters): ReadLimitUsageReturnType {
  let used = 0n;
  let isUnknown = false;
  if (limit.window !== 'transaction') {
    const since = now - limitWindowMilliseconds[limit.window];
    if (limit.unit.kind === 'fiat') {
      const fiat = readFiatSince({ scope, since, ledger, policy, prices, now });
      used = fiat.value;
      isUnknown = fiat.isUnknown;
    } else {
      used = ledger.amountSince(scope, since, toAssetKey(limit.unit));
    }
  }
  const currency = policy.currency;
  return {
    scope: scope.kind,
    window: limit.window,
    unit:
      limit.unit.kind === 'fiat'
        ? { kind: 'fiat', currency, decimals: fiatCurrency(currency).decimals }
        : toUnitView(limit.unit, names),
    limit: limit.amount.toString(),
    used: used.toString(),
    remaining: (used >= limit.amount ? 0n : limit.amount - used).toString(),
    isUnknown,
    whenExceeded: limit.whenExceeded,
  };
}

/** Fiat spent since `since` (ms); spends reserved without a price are valued at today's. */
export function readFiatSince({
  scope,
  since,
  ledger,
  policy,
  prices,
  now,
}: {
  scope: LedgerScope;
  since: number;
  ledger: LedgerView;
  policy: PolicyState;
  prices: PriceSnapshot;
  now: number;
}): { value: bigint; isUnknown: boolean } {
  const { value, unpriced } = ledger.fiatSince(scope, since, policy.currency);
  let total = value;
  let isUnknown = false;
  for (const [assetKey, amount] of unpriced) {
    const separator = assetKey.indexOf(':');
    const asset = assetKey.slice(separator + 1);
    const valuation = valueInFiat({
      asset: {
        chainId: Number(assetKey.slice(0, separator)),
        asset: asset === 'native' ? 'native' : (asset as `0x${string}`),
      },
      amount,
      currency: policy.currency,
      prices,
      now,
      maxPriceAgeSeconds: policy.maxPriceAgeSeconds,
      stablecoinToleranceBasisPoints: policy.stablecoinToleranceBasisPoints,
    });
    if ('value' in valuation) total += valuation.value;
    else isUnknown = true;
  }
  return { value: total, isUnknown };
}

export const spentWindows: readonly Exclude<LimitWindow, 'transaction'>[] = [
  'hour',
  'day',
  'week',
  '30-days',
];

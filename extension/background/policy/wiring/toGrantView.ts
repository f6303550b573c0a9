import type { GrantView } from '../../../../shared/protocol/policyMessages.ts';
import type { LedgerView } from '../LedgerView.ts';
import type { Grant } from '../Policy.ts';
import type { AssetNames } from './createAssetNames.ts';
import { toUnitView } from './toDecisionView.ts';

export type ToGrantViewParameters = {
  grant: Grant;
  origin: string;
  ledger: LedgerView;
  names: AssetNames;
  /** Unix seconds. */
  nowSeconds: number;
};
export type ToGrantViewReturnType = GrantView;

/**
 * A grant with its current period and what the site used of it, counted as `decide` counts
 * grants: fixed periods from `startTime`, unspent allowance never carries over.
 */
export function toGrantView({
  grant,
  origin,
  ledger,
  names,
  nowSeconds,
}: ToGrantViewParameters): ToGrantViewReturnType {
  const hasStarted = nowSeconds >= grant.startTime;
  const periodIndex =
    grant.periodSeconds === undefined || !hasStarted
      ? 0
      : Math.floor((nowSeconds - grant.startTime) / grant.periodSeconds);
  const periodStart =
    grant.periodSeconds === undefined
      ? grant.startTime
      : grant.startTime + periodIndex * grant.periodSeconds;
  const periodEnd =
    grant.periodSeconds === undefined ? grant.endTime : periodStart + grant.periodSeconds;
  const used = ledger.grantUsedSince(grant.id, periodStart * 1000);
  return {
    id: grant.id,
    chainId: grant.chainId,
    asset: grant.asset,
    recipient: grant.recipient,
    amount: grant.amount.toString(),
    ...(grant.periodSeconds === undefined ? {} : { periodSeconds: grant.periodSeconds }),
    startTime: grant.startTime,
    ...(grant.endTime === undefined ? {} : { endTime: grant.endTime }),
    ...(grant.justification === undefined ? {} : { justification: grant.justification }),
    source: grant.source,
    createdAt: grant.createdAt,
    origin,
    unit: toUnitView({ kind: 'token', chainId: grant.chainId, asset: grant.asset }, names),
    periodStart,
    ...(periodEnd === undefined ? {} : { periodEnd }),
    used: used.toString(),
    remaining: (used >= grant.amount ? 0n : grant.amount - used).toString(),
    isActive: hasStarted && (grant.endTime === undefined || nowSeconds < grant.endTime),
  };
}

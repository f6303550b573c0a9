import type { Plan } from '../../shared/providerApi/Plan.ts';
import type { PlanRecord } from './PlanRecord.ts';

export type ToPlanResponseParameters = {
  plan: PlanRecord;
  /** The merchant's own strings go only to the secret key's holder. */
  includeMetadata: boolean;
};
export type ToPlanResponseReturnType = Plan;

/** The plan as the API shows it. */
export function toPlanResponse({
  plan,
  includeMetadata,
}: ToPlanResponseParameters): ToPlanResponseReturnType {
  return {
    id: plan.id,
    object: 'plan',
    name: plan.name,
    amount_minor: plan.amountMinor.toString(),
    currency: plan.currency,
    interval: plan.interval.unit,
    interval_count: plan.interval.count,
    trial_days: plan.trialDays,
    cycles: plan.cycles,
    allowance_margin_percent: plan.allowanceMarginPercent,
    grace_period_hours: plan.gracePeriodHours,
    recipients: { ...plan.recipients },
    accepted_assets: plan.acceptedAssets.map(({ chain_id, asset }) => ({ chain_id, asset })),
    ...(includeMetadata ? { metadata: { ...plan.metadata } } : {}),
    created_at: plan.createdAt.toISOString(),
  };
}

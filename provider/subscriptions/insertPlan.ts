import type { DatabaseSession } from '../db/Database.ts';
import { createResourceId } from '../ids/createResourceId.ts';
import type { NewPlan } from './parseCreatePlanBody.ts';
import { planColumns, toPlanRecord } from './PlanRecord.ts';
import type { PlanRecord, PlanRow } from './PlanRecord.ts';

export type InsertPlanParameters = {
  db: DatabaseSession;
  merchantId: string;
  plan: NewPlan;
  now: Date;
};
export type InsertPlanReturnType = PlanRecord;

/** Stores a new plan. */
export async function insertPlan({
  db,
  merchantId,
  plan,
  now,
}: InsertPlanParameters): Promise<InsertPlanReturnType> {
  const { rows } = await db.query<PlanRow>(
    `insert into subscription_plans
       (id, merchant_id, name, amount_minor, currency, interval_unit, interval_count, trial_days,
        cycles, allowance_margin_percent, grace_period_hours, recipients, accepted_assets,
        metadata, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     returning ${planColumns}`,
    [
      createResourceId('plan'),
      merchantId,
      plan.name,
      plan.amountMinor,
      plan.currency,
      plan.interval.unit,
      plan.interval.count,
      plan.trialDays,
      plan.cycles,
      plan.allowanceMarginPercent,
      plan.gracePeriodHours,
      JSON.stringify(plan.recipients),
      JSON.stringify(plan.acceptedAssets),
      JSON.stringify(plan.metadata),
      now,
    ],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('insert … returning gave no row');
  return toPlanRecord(row);
}

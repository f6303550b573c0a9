import type { DatabaseSession } from '../db/Database.ts';
import { planColumns, toPlanRecord } from './PlanRecord.ts';
import type { PlanRecord, PlanRow } from './PlanRecord.ts';

export type ReadPlanParameters = {
  db: DatabaseSession;
  id: string;
  /** Only this merchant's plans are found: another's is as absent as a made-up id. */
  merchantId: string;
};
export type ReadPlanReturnType = PlanRecord | undefined;

/** One plan of one merchant. */
export async function readPlan({
  db,
  id,
  merchantId,
}: ReadPlanParameters): Promise<ReadPlanReturnType> {
  const { rows } = await db.query<PlanRow>(
    `select ${planColumns} from subscription_plans where id = $1 and merchant_id = $2`,
    [id, merchantId],
  );
  const row = rows[0];
  return row === undefined ? undefined : toPlanRecord(row);
}

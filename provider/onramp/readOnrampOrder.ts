import type { Database } from '../db/Database.ts';
import { applyOrderEvent } from './applyOrderEvent.ts';
import { onrampOrderColumns, toOnrampOrderRecord } from './OnrampRecords.ts';
import type { OnrampOrderRecord, OnrampOrderRow } from './OnrampRecords.ts';
import type { OnrampAdapterInfo } from './toOnrampPriceFields.ts';

export type ReadOnrampOrderParameters = {
  db: Database;
  id: string;
  /** Only this merchant's orders are found; `null` for the provider's own pages (the sandbox). */
  merchantId: string | null;
  now: Date;
  describeAdapter: (adapterId: string) => OnrampAdapterInfo;
};
export type ReadOnrampOrderReturnType = OnrampOrderRecord | undefined;

/**
 * One order, brought up to date with the clock first: a `created` order past `expires_at` is
 * expired here, on read (with its webhook), as well as by the sweeper.
 */
export async function readOnrampOrder({
  db,
  id,
  merchantId,
  now,
  describeAdapter,
}: ReadOnrampOrderParameters): Promise<ReadOnrampOrderReturnType> {
  const { rows } = await db.query<OnrampOrderRow>(
    `select ${onrampOrderColumns}
     from onramp_orders o join onramp_quotes q on q.id = o.quote_id
     where o.id = $1 and ($2::text is null or o.merchant_id = $2)`,
    [id, merchantId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const order = toOnrampOrderRecord(row);
  if (order.status !== 'created' || now.getTime() < order.expiresAt.getTime()) return order;
  const result = await applyOrderEvent({
    db,
    orderId: id,
    event: { type: 'expire' },
    now,
    describeAdapter,
  });
  return result.outcome === 'not_found' ? undefined : result.order;
}

import type { Database } from '../db/Database.ts';
import { applyOrderEvent } from './applyOrderEvent.ts';
import { describeOnrampAdapter } from './describeOnrampAdapter.ts';
import type { OnrampAdapter } from './OnrampAdapter.ts';

export type ExpireOnrampOrdersParameters = {
  db: Database;
  now: Date;
  /** The configured adapters (their names go into the webhook events). */
  adapters: readonly OnrampAdapter[];
  /** At most this many per call (default 100); call again while it returns `limit`. */
  limit?: number;
};
export type ExpireOnrampOrdersReturnType = {
  /** Orders this call moved to `expired` (each with its `onramp.order.expired` event). */
  expired: number;
  /** How many it looked at. */
  examined: number;
};

/**
 * The expiry sweeper: moves `created` orders past `expires_at` to `expired`, so their webhooks go
 * out even if nobody reads them. Safe with several provider processes: each order is expired
 * under its row lock by `applyOrderEvent`, and one already changed (expired elsewhere, or started
 * by the shopper meanwhile) is simply skipped.
 */
export async function expireOnrampOrders({
  db,
  now,
  adapters,
  limit = 100,
}: ExpireOnrampOrdersParameters): Promise<ExpireOnrampOrdersReturnType> {
  const { rows } = await db.query<{ id: string }>(
    `select id from onramp_orders
     where status = 'created' and expires_at <= $1
     order by expires_at
     limit $2`,
    [now, limit],
  );
  const describeAdapter = describeOnrampAdapter(adapters);
  let expired = 0;
  for (const { id } of rows) {
    const result = await applyOrderEvent({
      db,
      orderId: id,
      event: { type: 'expire' },
      now,
      describeAdapter,
    });
    if (result.outcome === 'changed') expired += 1;
  }
  return { expired, examined: rows.length };
}

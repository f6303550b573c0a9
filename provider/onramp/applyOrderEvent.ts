import type { Database } from '../db/Database.ts';
import { enqueueWebhookEvent } from '../webhooks/enqueueWebhookEvent.ts';
import { InvalidOrderTransitionError } from './errors.ts';
import { onrampOrderColumns, toOnrampOrderRecord } from './OnrampRecords.ts';
import type { OnrampOrderRecord, OnrampOrderRow } from './OnrampRecords.ts';
import type { OnrampAdapterInfo } from './toOnrampPriceFields.ts';
import { toOnrampOrderResponse } from './toOnrampOrderResponse.ts';
import { transitionOrder } from './transitionOrder.ts';
import type { OrderEvent } from './transitionOrder.ts';

export type ApplyOrderEventParameters = {
  db: Database;
  orderId: string;
  event: OrderEvent;
  now: Date;
  describeAdapter: (adapterId: string) => OnrampAdapterInfo;
  /** The on-ramp's id of the order, when it first tells us; never overwrites a known one. */
  adapterOrderId?: string;
  /** Replaces the adapter's state (the sandbox page's step). */
  adapterState?: Readonly<Record<string, unknown>>;
  /**
   * Checked under the row lock before anything else: when it says no, nothing is stored
   * (`skipped`). A compare-and-set for adapters whose steps do not change the status.
   */
  precondition?: (order: OnrampOrderRecord) => boolean;
};

export type ApplyOrderEventReturnType =
  /** The status changed: stored, with its webhook event. */
  | { outcome: 'changed'; order: OnrampOrderRecord }
  /** Same status (pending → pending): state and ids stored, no event. */
  | { outcome: 'unchanged'; order: OnrampOrderRecord }
  /** The state machine refuses it (a late or repeated event on a final order): nothing stored. */
  | { outcome: 'refused'; order: OnrampOrderRecord; error: InvalidOrderTransitionError }
  /** `precondition` said no: nothing stored. */
  | { outcome: 'skipped'; order: OnrampOrderRecord }
  | { outcome: 'not_found' };

/**
 * The one way an order changes: in one transaction, locks the row, asks `transitionOrder`,
 * stores the new status with what the event carries (tx hash, failure, completion time) and
 * writes the `onramp.order.<status>` webhook event in the same transaction (outbox). Concurrent
 * events on one order are serialized by the row lock, so each sees the state the last one left.
 */
export async function applyOrderEvent({
  db,
  orderId,
  event,
  now,
  describeAdapter,
  adapterOrderId,
  adapterState,
  precondition,
}: ApplyOrderEventParameters): Promise<ApplyOrderEventReturnType> {
  return db.transaction(async (session) => {
    const { rows } = await session.query<OnrampOrderRow>(
      `select ${onrampOrderColumns}
       from onramp_orders o join onramp_quotes q on q.id = o.quote_id
       where o.id = $1
       for update of o`,
      [orderId],
    );
    const row = rows[0];
    if (row === undefined) return { outcome: 'not_found' as const };
    const order = toOnrampOrderRecord(row);
    if (precondition !== undefined && !precondition(order)) {
      return { outcome: 'skipped' as const, order };
    }
    let next;
    try {
      next = transitionOrder(order.status, event);
    } catch (error) {
      if (error instanceof InvalidOrderTransitionError) {
        return { outcome: 'refused' as const, order, error };
      }
      throw error;
    }
    await session.query(
      `update onramp_orders set
         status = $2,
         tx_hash = coalesce($3, tx_hash),
         failure_code = $4,
         failure_message = $5,
         completed_at = $6,
         -- An id the on-ramp already gave another order is not taken again (unique index).
         adapter_order_id = coalesce(
           adapter_order_id,
           (select $7::text where not exists (
              select 1 from onramp_orders other
              where other.adapter = onramp_orders.adapter and other.adapter_order_id = $7::text))),
         adapter_state = coalesce($8::jsonb, adapter_state),
         updated_at = $9
       where id = $1`,
      [
        orderId,
        next,
        event.type === 'complete' ? event.txHash : null,
        event.type === 'fail' ? event.code : null,
        event.type === 'fail' ? event.message : null,
        next === 'completed' ? now : null,
        adapterOrderId ?? null,
        adapterState === undefined ? null : JSON.stringify(adapterState),
        now,
      ],
    );
    const updated = await session.query<OnrampOrderRow>(
      `select ${onrampOrderColumns}
       from onramp_orders o join onramp_quotes q on q.id = o.quote_id
       where o.id = $1`,
      [orderId],
    );
    const updatedRow = updated.rows[0];
    if (updatedRow === undefined) throw new Error('the locked order vanished');
    const record = toOnrampOrderRecord(updatedRow);
    if (next === order.status) return { outcome: 'unchanged' as const, order: record };
    await enqueueWebhookEvent(session, {
      merchantId: record.merchantId,
      type: `onramp.order.${next}`,
      data: toOnrampOrderResponse(record, describeAdapter(record.adapter)),
      now,
    });
    return { outcome: 'changed' as const, order: record };
  });
}

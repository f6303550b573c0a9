import type { OnrampOrder } from '../../shared/providerApi/OnrampOrder.ts';
import type { OnrampOrderRecord } from './OnrampRecords.ts';
import { toOnrampPriceFields } from './toOnrampPriceFields.ts';
import type { OnrampAdapterInfo } from './toOnrampPriceFields.ts';

/** An order as the API (and its webhooks) show it. */
export function toOnrampOrderResponse(
  order: OnrampOrderRecord,
  adapter: OnrampAdapterInfo,
): OnrampOrder {
  return {
    id: order.id,
    object: 'onramp.order',
    status: order.status,
    quote_id: order.quote.id,
    ...toOnrampPriceFields(order.quote, adapter),
    hosted_url: order.hostedUrl,
    redirect_url: order.redirectUrl,
    tx_hash: order.txHash,
    failure: order.failure === null ? null : { ...order.failure },
    expires_at: order.expiresAt.toISOString(),
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    completed_at: order.completedAt?.toISOString() ?? null,
  };
}

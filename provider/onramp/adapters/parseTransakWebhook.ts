import { MalformedOnrampWebhookError } from '../errors.ts';
import type { OnrampWebhookUpdate } from '../OnrampAdapter.ts';
import type { OrderEvent } from '../transitionOrder.ts';
import { readPayloadField } from './readPayloadField.ts';

export type ParseTransakWebhookReturnType = OnrampWebhookUpdate;
export type ParseTransakWebhookErrorType = MalformedOnrampWebhookError;

const adapter = 'transak';

/** On-ramp order statuses (docs.transak.com, "Order Webhooks") and what they mean for our order. */
const eventByStatus: Readonly<Record<string, OrderEvent | undefined>> = {
  AWAITING_PAYMENT_FROM_USER: { type: 'start' },
  PAYMENT_DONE_MARKED_BY_USER: { type: 'start' },
  PROCESSING: { type: 'start' },
  PENDING_DELIVERY_FROM_TRANSAK: { type: 'start' },
  FAILED: {
    type: 'fail',
    code: 'payment_failed',
    message: 'Transak: the payment failed (card declined).',
  },
  CANCELLED: {
    type: 'fail',
    code: 'cancelled',
    message: 'Transak: the shopper cancelled the order.',
  },
  EXPIRED: {
    type: 'fail',
    code: 'payment_expired',
    message: 'Transak: the payment was not made in time.',
  },
  REFUNDED: { type: 'fail', code: 'refunded', message: 'Transak: the payment was refunded.' },
};

/**
 * Transak's verified webhook claims (`{ webhookData: <order>, eventID }`) as a change to our
 * order: `webhookData.status` decides; `partnerOrderId` is ours. Sell orders are ignored; an
 * order missing what we need is malformed.
 */
export function parseTransakWebhook(claims: unknown): ParseTransakWebhookReturnType {
  const order = readPayloadField({
    adapter,
    from: claims,
    key: 'webhookData',
    path: 'webhookData',
    kind: 'object',
  });
  const read = (key: string, kind: 'string' | 'nullable-string') =>
    readPayloadField({ adapter, from: order, key, path: `webhookData.${key}`, kind }) as
      string | null;
  const side = read('isBuyOrSell', 'nullable-string');
  if (side !== null && side !== 'BUY') {
    return { kind: 'ignored', reason: `a ${side} order is not an on-ramp purchase` };
  }
  const adapterOrderId = read('id', 'string') ?? '';
  const status = read('status', 'string') ?? '';
  const common = {
    kind: 'order' as const,
    orderId: read('partnerOrderId', 'nullable-string'),
    adapterOrderId,
    walletAddress: read('walletAddress', 'nullable-string'),
  };
  if (status === 'COMPLETED') {
    const txHash = read('transactionHash', 'nullable-string');
    if (txHash === null || !/^0x[0-9a-fA-F]{64}$/.test(txHash)) {
      throw new MalformedOnrampWebhookError({ adapter, field: 'webhookData.transactionHash' });
    }
    return { ...common, event: { type: 'complete', txHash: txHash.toLowerCase() } };
  }
  const event = Object.hasOwn(eventByStatus, status) ? eventByStatus[status] : undefined;
  if (event === undefined) {
    throw new MalformedOnrampWebhookError({ adapter, field: 'webhookData.status' });
  }
  return { ...common, event };
}

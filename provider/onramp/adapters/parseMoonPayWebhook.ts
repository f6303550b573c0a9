import { MalformedOnrampWebhookError } from '../errors.ts';
import type { OnrampWebhookUpdate } from '../OnrampAdapter.ts';
import { readPayloadField } from './readPayloadField.ts';

export type ParseMoonPayWebhookReturnType = OnrampWebhookUpdate;
export type ParseMoonPayWebhookErrorType = MalformedOnrampWebhookError;

const adapter = 'moonpay';
const buyEvents = new Set(['transaction_created', 'transaction_updated', 'transaction_failed']);
/** Buy transaction statuses (dev.moonpay.com, buy transaction object) that mean "under way". */
const underWay = new Set(['waitingPayment', 'pending', 'waitingAuthorization']);

/**
 * A MoonPay buy webhook (`{ type, data: <buy transaction> }`) as a change to our order. The
 * transaction's `status` decides, not the event type: MoonPay sends events at least once and out
 * of order, and the state machine ignores what no longer applies. Other event types (sell, swap,
 * identity checks) are ignored; a buy event missing what we need is malformed.
 */
export function parseMoonPayWebhook(payload: unknown): ParseMoonPayWebhookReturnType {
  const type = readPayloadField({
    adapter,
    from: payload,
    key: 'type',
    path: 'type',
    kind: 'string',
  });
  if (typeof type !== 'string' || !buyEvents.has(type)) {
    return {
      kind: 'ignored',
      reason: `event type ${typeof type === 'string' ? type : '(none)'} is not a buy transaction`,
    };
  }
  const data = readPayloadField({
    adapter,
    from: payload,
    key: 'data',
    path: 'data',
    kind: 'object',
  });
  const read = (key: string, kind: 'string' | 'nullable-string') =>
    readPayloadField({ adapter, from: data, key, path: `data.${key}`, kind }) as string | null;

  const adapterOrderId = read('id', 'string') ?? '';
  const status = read('status', 'string') ?? '';
  const orderId = read('externalTransactionId', 'nullable-string');
  const walletAddress = read('walletAddress', 'nullable-string');
  const common = { kind: 'order' as const, orderId, adapterOrderId, walletAddress };

  if (status === 'completed') {
    const txHash = read('cryptoTransactionId', 'nullable-string');
    if (txHash === null || !/^0x[0-9a-fA-F]{64}$/.test(txHash)) {
      throw new MalformedOnrampWebhookError({ adapter, field: 'data.cryptoTransactionId' });
    }
    return { ...common, event: { type: 'complete', txHash: txHash.toLowerCase() } };
  }
  if (status === 'failed') {
    const reason = read('failureReason', 'nullable-string');
    return {
      ...common,
      event: {
        type: 'fail',
        code: 'payment_failed',
        message:
          reason === null || reason === ''
            ? 'MoonPay reports the purchase failed.'
            : `MoonPay: ${reason}`,
      },
    };
  }
  if (underWay.has(status)) return { ...common, event: { type: 'start' } };
  throw new MalformedOnrampWebhookError({ adapter, field: 'data.status' });
}

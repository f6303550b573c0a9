import type { PaymentStatus } from '../../shared/providerApi/CheckoutPayment.ts';
import type { CheckoutSession, SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import { InvalidProviderAnswerError } from './InvalidProviderAnswerError.ts';
import {
  addressPattern,
  assetPattern,
  isChainId,
  isDecimals,
  isRecord,
  isTimestamp,
  matches,
  transactionHashPattern,
  unsignedIntegerPattern,
} from './answerChecks.ts';

// Copied, not imported: the schema modules build TypeBox objects at load, too heavy for the
// widget. `satisfies` keeps the lists to the API's values; the test compares them in full.
export const knownSessionStatuses = [
  'open',
  'pending',
  'settled',
  'expired',
  'underpaid',
  'overpaid',
  'paid_late',
] as const satisfies readonly SessionStatus[];
export const knownPaymentStatuses = [
  'seen',
  'confirmed',
  'dropped',
] as const satisfies readonly PaymentStatus[];

export type ReadSessionAnswerReturnType = CheckoutSession;
export type ReadSessionAnswerErrorType = InvalidProviderAnswerError;

function check(condition: boolean, field: string): asserts condition {
  if (!condition) throw new InvalidProviderAnswerError({ what: 'checkout session', field });
}

/**
 * The session the provider sent, checked where the widget relies on it (ids, statuses, amounts,
 * addresses, times) before anything is rendered or paid from it. `sessionId` must be the one
 * asked for.
 */
export function readSessionAnswer(answer: unknown, sessionId: string): ReadSessionAnswerReturnType {
  check(isRecord(answer), 'body');
  check(answer.id === sessionId, 'id');
  check((knownSessionStatuses as readonly unknown[]).includes(answer.status), 'status');
  check(matches(answer.amount_minor, unsignedIntegerPattern), 'amount_minor');
  check(matches(answer.currency, /^[A-Z]{3}$/), 'currency');
  check(isTimestamp(answer.expires_at), 'expires_at');
  check(
    answer.success_url === null ||
      answer.success_url === undefined ||
      typeof answer.success_url === 'string',
    'success_url',
  );
  check(Array.isArray(answer.payment_options), 'payment_options');
  for (const option of answer.payment_options as unknown[]) {
    check(isRecord(option), 'payment_options[]');
    check(isChainId(option.chain_id), 'payment_options[].chain_id');
    check(matches(option.asset, assetPattern), 'payment_options[].asset');
    check(typeof option.name === 'string', 'payment_options[].name');
    check(isDecimals(option.decimals), 'payment_options[].decimals');
    check(
      option.token_address === null || matches(option.token_address, addressPattern),
      'payment_options[].token_address',
    );
    check(matches(option.recipient, addressPattern), 'payment_options[].recipient');
    check(
      option.amount === null || matches(option.amount, unsignedIntegerPattern),
      'payment_options[].amount',
    );
  }
  check(Array.isArray(answer.payments), 'payments');
  for (const payment of answer.payments as unknown[]) {
    check(isRecord(payment), 'payments[]');
    check(matches(payment.tx_hash, transactionHashPattern), 'payments[].tx_hash');
    check(
      (knownPaymentStatuses as readonly unknown[]).includes(payment.status),
      'payments[].status',
    );
    check(
      Number.isInteger(payment.confirmations) && (payment.confirmations as number) >= 0,
      'payments[].confirmations',
    );
    check(
      Number.isInteger(payment.required_confirmations) &&
        (payment.required_confirmations as number) >= 1,
      'payments[].required_confirmations',
    );
    check(isChainId(payment.chain_id), 'payments[].chain_id');
  }
  const paid = answer.amount_paid;
  check(paid === null || isRecord(paid), 'amount_paid');
  if (paid !== null) {
    check(typeof paid.quote_id === 'string', 'amount_paid.quote_id');
    check(matches(paid.amount_remaining, unsignedIntegerPattern), 'amount_paid.amount_remaining');
    check(matches(paid.amount_paid, unsignedIntegerPattern), 'amount_paid.amount_paid');
    check(matches(paid.asset, assetPattern), 'amount_paid.asset');
    check(isChainId(paid.chain_id), 'amount_paid.chain_id');
  }
  return answer as unknown as CheckoutSession;
}

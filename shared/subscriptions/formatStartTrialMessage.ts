import { InvalidSubscriptionTermsError } from './errors.ts';

export type FormatStartTrialMessageParameters = {
  /** `cs_…`: the subscription's checkout session. */
  sessionId: string;
  /** `qt_…`: the quote that fixes the asset and the allowance. */
  quoteId: string;
  /** The address that will pay the renewals, EIP-55. */
  subscriber: string;
};
export type FormatStartTrialMessageReturnType = string;
export type FormatStartTrialMessageErrorType = InvalidSubscriptionTermsError;

/*
 * What the shopper signs with `personal_sign` (EIP-191) to start a free trial: nothing is paid
 * then, so the signature is what shows the provider that the address is the shopper's (and it
 * later authorises the shopper's own cancellation). Ids are random and single-use, so the
 * message cannot start another trial.
 */

/** The exact message `POST /v1/subscriptions/checkout/{session_id}/trial` verifies. */
export function formatStartTrialMessage({
  sessionId,
  quoteId,
  subscriber,
}: FormatStartTrialMessageParameters): FormatStartTrialMessageReturnType {
  const fields: [string, unknown, RegExp, string][] = [
    ['sessionId', sessionId, /^cs_[0-9a-f]{32}$/, 'cs_ and 32 hex digits'],
    ['quoteId', quoteId, /^qt_[0-9a-f]{32}$/, 'qt_ and 32 hex digits'],
    ['subscriber', subscriber, /^0x[0-9a-fA-F]{40}$/, 'a 0x-prefixed 20-byte address'],
  ];
  for (const [field, value, pattern, expected] of fields) {
    if (typeof value !== 'string' || !pattern.test(value)) {
      throw new InvalidSubscriptionTermsError({ field, expected, received: value });
    }
  }
  return [
    'TP Pay: start my free trial',
    `Checkout session: ${sessionId}`,
    `Quote: ${quoteId}`,
    `Subscriber: ${subscriber}`,
  ].join('\n');
}

import { InvalidSubscriptionTermsError } from './errors.ts';

export type FormatCancelSubscriptionMessageParameters = {
  /** `sub_…` */
  subscriptionId: string;
  /** true: at the end of the paid time; false: now. */
  atPeriodEnd: boolean;
  /** As sent in the request, `2026-01-31T12:00:00.000Z` (UTC, whole seconds or milliseconds). */
  signedAt: string;
};
export type FormatCancelSubscriptionMessageReturnType = string;
export type FormatCancelSubscriptionMessageErrorType = InvalidSubscriptionTermsError;

/*
 * The text a subscriber signs with `personal_sign` (EIP-191) to cancel without the merchant:
 * any wallet can sign it, and the wallet shows it as is, so it is plain words. The subscription
 * id (128 random bits) ties it to one subscription of one provider; the time limits a captured
 * signature to a short window (the provider accepts ±10 minutes).
 */

/** The exact message `POST /v1/subscriptions/{id}/cancel-by-subscriber` verifies. */
export function formatCancelSubscriptionMessage({
  subscriptionId,
  atPeriodEnd,
  signedAt,
}: FormatCancelSubscriptionMessageParameters): FormatCancelSubscriptionMessageReturnType {
  if (typeof subscriptionId !== 'string' || !/^sub_[0-9a-f]{32}$/.test(subscriptionId)) {
    throw new InvalidSubscriptionTermsError({
      field: 'subscriptionId',
      expected: 'sub_ and 32 hex digits',
      received: subscriptionId,
    });
  }
  if (typeof atPeriodEnd !== 'boolean') {
    throw new InvalidSubscriptionTermsError({
      field: 'atPeriodEnd',
      expected: 'a boolean',
      received: atPeriodEnd,
    });
  }
  if (!isUtcTime(signedAt)) {
    throw new InvalidSubscriptionTermsError({
      field: 'signedAt',
      expected: 'an ISO 8601 UTC time (2026-01-31T12:00:00.000Z)',
      received: signedAt,
    });
  }
  return [
    'TP Pay: cancel my subscription',
    `Subscription: ${subscriptionId}`,
    `When: ${atPeriodEnd ? 'at the end of the paid period' : 'now'}`,
    `Signed at: ${signedAt}`,
  ].join('\n');
}

/** A real UTC instant written as toISOString writes it (milliseconds optional): no 31 Feb. */
function isUtcTime(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(text)) {
    return false;
  }
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return false;
  const written = new Date(parsed).toISOString();
  return written === text || written === text.replace('Z', '.000Z');
}

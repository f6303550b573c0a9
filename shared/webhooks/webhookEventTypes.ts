/**
 * Every event type the provider sends. A merchant's endpoint subscribes to some of them (or to
 * `*`); new types are only ever added, never renamed, so merchants should ignore types they do
 * not know rather than fail on them.
 */
export const webhookEventTypes = [
  'checkout.session.pending',
  'checkout.session.settled',
  'checkout.session.expired',
  'checkout.session.underpaid',
  'checkout.session.overpaid',
  'checkout.session.paid_late',
  'onramp.order.created',
  'onramp.order.pending',
  'onramp.order.completed',
  'onramp.order.failed',
  'onramp.order.expired',
  'subscription.created',
  'subscription.renewed',
  'subscription.past_due',
  'subscription.canceled',
  'subscription.ended',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

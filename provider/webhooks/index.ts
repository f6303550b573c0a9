// What other provider code uses from webhooks: the outbox write, and the worker (for processes
// that deliver without serving the API).
export { enqueueWebhookEvent } from './enqueueWebhookEvent.ts';
export type {
  EnqueueWebhookEventErrorType,
  EnqueueWebhookEventParameters,
  EnqueueWebhookEventReturnType,
} from './enqueueWebhookEvent.ts';
export { createWebhookDispatcher, webhookMaxAgeMs } from './createWebhookDispatcher.ts';
export type {
  CreateWebhookDispatcherParameters,
  WebhookDispatcher,
  WebhookDispatchRound,
} from './createWebhookDispatcher.ts';
export type { WebhookFetch } from './deliverWebhook.ts';
export { webhookRoutes } from './webhookRoutes.ts';
export type { WebhookRoutesOptions } from './webhookRoutes.ts';
export { InvalidWebhookEventError } from './errors.ts';
export type { WebhookEventType } from '../../shared/webhooks/webhookEventTypes.ts';

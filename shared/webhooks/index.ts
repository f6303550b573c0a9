export { computeWebhookSignature } from './computeWebhookSignature.ts';
export type {
  ComputeWebhookSignatureErrorType,
  ComputeWebhookSignatureParameters,
  ComputeWebhookSignatureReturnType,
} from './computeWebhookSignature.ts';
export { constantTimeEqual } from './constantTimeEqual.ts';
export {
  InvalidWebhookHeaderError,
  InvalidWebhookInputError,
  InvalidWebhookPayloadError,
  WebhookSignatureMismatchError,
  WebhookTimestampOutOfToleranceError,
} from './errors.ts';
export {
  maxSignatureHeaderLength,
  parseWebhookSignatureHeader,
} from './parseWebhookSignatureHeader.ts';
export type {
  ParseWebhookSignatureHeaderErrorType,
  ParseWebhookSignatureHeaderReturnType,
} from './parseWebhookSignatureHeader.ts';
export { signWebhookPayload, webhookSignatureHeaderName } from './signWebhookPayload.ts';
export type {
  SignWebhookPayloadErrorType,
  SignWebhookPayloadParameters,
  SignWebhookPayloadReturnType,
} from './signWebhookPayload.ts';
export {
  defaultWebhookToleranceSeconds,
  verifyWebhookSignature,
} from './verifyWebhookSignature.ts';
export type {
  VerifyWebhookSignatureErrorType,
  VerifyWebhookSignatureParameters,
  VerifyWebhookSignatureReturnType,
} from './verifyWebhookSignature.ts';
export {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointBody,
  DeletedWebhookEndpoint,
  WebhookEndpoint,
  WebhookEndpointList,
  webhookEndpointLimits,
} from './WebhookEndpoint.ts';
export { WebhookEvent, WebhookEventList } from './WebhookEvent.ts';
export { webhookEventTypes } from './webhookEventTypes.ts';
export type { WebhookEventType } from './webhookEventTypes.ts';

import { randomBytes } from 'node:crypto';

export type CreateWebhookSecretReturnType = string;

/** `whsec_` and 256 random bits (base64url). The whole string, prefix included, is the HMAC key. */
export function createWebhookSecret(): CreateWebhookSecretReturnType {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

import { computeWebhookSignature } from './computeWebhookSignature.ts';
import type { ComputeWebhookSignatureErrorType } from './computeWebhookSignature.ts';
import { InvalidWebhookInputError } from './errors.ts';

export type SignWebhookPayloadParameters = {
  /** The exact body that will be sent. */
  payload: string | Uint8Array;
  /** One secret, or several while rotating (one `v1` each, in this order). */
  secret: string | readonly string[];
  /** Unix seconds: when the delivery is sent, not when the event happened. */
  timestamp: number;
};

/** The value of the `TP-Signature` header: `t=<timestamp>,v1=<hex>[,v1=<hex>…]`. */
export type SignWebhookPayloadReturnType = string;

export type SignWebhookPayloadErrorType = ComputeWebhookSignatureErrorType;

/** The header name; HTTP header names are case-insensitive (Node lowercases them). */
export const webhookSignatureHeaderName = 'TP-Signature';

/** Rotation needs two at a time; a few more is harmless, dozens is a bug. */
const maxSecrets = 8;

export function signWebhookPayload({
  payload,
  secret,
  timestamp,
}: SignWebhookPayloadParameters): SignWebhookPayloadReturnType {
  const secrets: readonly string[] = typeof secret === 'string' ? [secret] : secret;
  if (!(secrets instanceof Array) || secrets.length === 0 || secrets.length > maxSecrets) {
    throw new InvalidWebhookInputError({
      field: 'secret',
      expected: `a string or a list of 1 to ${maxSecrets} strings`,
    });
  }
  const signatures = secrets.map(
    (each) => `v1=${computeWebhookSignature({ payload, secret: each, timestamp })}`,
  );
  return [`t=${timestamp}`, ...signatures].join(',');
}

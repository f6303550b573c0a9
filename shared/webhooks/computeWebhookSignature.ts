// The one MAC of TP Pay webhooks: HMAC-SHA256, keyed with the endpoint's secret (its UTF-8
// bytes, `whsec_` prefix included), over `<timestamp>.<raw body>`. The timestamp is inside the
// MAC so it cannot be changed without the secret; whoever holds the secret is trusted, nothing
// else is. Pure and synchronous, @noble/hashes only: it runs in Node, browsers and edge runtimes.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { InvalidWebhookInputError } from './errors.ts';

export type ComputeWebhookSignatureParameters = {
  /** The raw body exactly as sent or received: a string (UTF-8) or its bytes. Never re-serialized JSON. */
  payload: string | Uint8Array;
  secret: string;
  /** Unix seconds. */
  timestamp: number;
};

/** 64 lowercase hex digits. */
export type ComputeWebhookSignatureReturnType = string;

export type ComputeWebhookSignatureErrorType = InvalidWebhookInputError;

/** Longer secrets are not more secure, only a way to make every call hash a huge key. */
const maxSecretLength = 1024;

export function computeWebhookSignature({
  payload,
  secret,
  timestamp,
}: ComputeWebhookSignatureParameters): ComputeWebhookSignatureReturnType {
  if (typeof secret !== 'string' || secret.length === 0 || secret.length > maxSecretLength) {
    throw new InvalidWebhookInputError({
      field: 'secret',
      expected: `a non-empty string of at most ${maxSecretLength} characters`,
    });
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new InvalidWebhookInputError({
      field: 'timestamp',
      expected: 'a non-negative integer (unix seconds)',
    });
  }
  const body = toBytes(payload);
  const message = concatBytes(utf8ToBytes(`${timestamp}.`), body);
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), message));
}

function toBytes(payload: unknown): Uint8Array {
  if (typeof payload === 'string') return utf8ToBytes(payload);
  if (payload instanceof Uint8Array) return payload;
  throw new InvalidWebhookInputError({
    field: 'payload',
    expected: 'the raw body as a string or a Uint8Array (a Buffer is one)',
  });
}

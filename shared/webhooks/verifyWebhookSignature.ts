// What a merchant's server runs on every delivery before trusting it. Trusted: the secret the
// merchant got when creating the endpoint, and the merchant's own clock. Not trusted: anything in
// the request. A delivery passes only if a `v1` signature is the HMAC of `t.body` under one of the
// merchant's secrets (compared in constant time) and `t` is within `toleranceSeconds` of now,
// both ways — so a captured delivery cannot be replayed later.
import { hexToBytes } from '@noble/hashes/utils.js';
import { computeWebhookSignature } from './computeWebhookSignature.ts';
import type { ComputeWebhookSignatureErrorType } from './computeWebhookSignature.ts';
import { constantTimeEqual } from './constantTimeEqual.ts';
import {
  InvalidWebhookInputError,
  InvalidWebhookPayloadError,
  WebhookSignatureMismatchError,
  WebhookTimestampOutOfToleranceError,
} from './errors.ts';
import { parseWebhookSignatureHeader } from './parseWebhookSignatureHeader.ts';
import type { ParseWebhookSignatureHeaderErrorType } from './parseWebhookSignatureHeader.ts';
import type { WebhookEvent } from './WebhookEvent.ts';

export type VerifyWebhookSignatureParameters = {
  /** The raw request body, byte for byte: never `JSON.stringify(parsedBody)`. */
  payload: string | Uint8Array;
  /** The `TP-Signature` header as the framework gives it (a repeated header is refused). */
  header: string | readonly string[] | null | undefined;
  /** The endpoint's `whsec_…` secret; during a rotation, the old and the new one. */
  secret: string | readonly string[];
  /** Defaults to the system clock. */
  now?: () => Date;
  /** How far `t` may be from now, either way. Default 300 (5 minutes). */
  toleranceSeconds?: number;
};

export type VerifyWebhookSignatureReturnType = WebhookEvent;

export type VerifyWebhookSignatureErrorType =
  | ParseWebhookSignatureHeaderErrorType
  | WebhookSignatureMismatchError
  | WebhookTimestampOutOfToleranceError
  | InvalidWebhookPayloadError
  | ComputeWebhookSignatureErrorType;

export const defaultWebhookToleranceSeconds = 300;

export function verifyWebhookSignature({
  payload,
  header,
  secret,
  now = () => new Date(),
  toleranceSeconds = defaultWebhookToleranceSeconds,
}: VerifyWebhookSignatureParameters): VerifyWebhookSignatureReturnType {
  if (!(Number.isFinite(toleranceSeconds) && toleranceSeconds >= 0)) {
    throw new InvalidWebhookInputError({
      field: 'toleranceSeconds',
      expected: 'a non-negative number of seconds',
    });
  }
  const secrets: readonly string[] = typeof secret === 'string' ? [secret] : secret;
  if (!(secrets instanceof Array) || secrets.length === 0) {
    throw new InvalidWebhookInputError({
      field: 'secret',
      expected: 'a string or a non-empty list',
    });
  }
  const nowMs = now().getTime();
  if (!Number.isFinite(nowMs)) {
    throw new InvalidWebhookInputError({
      field: 'now',
      expected: 'a function returning a valid Date',
    });
  }

  const { timestamp, signatures } = parseWebhookSignatureHeader(header);
  let isMatch = false;
  for (const each of secrets) {
    const expected = hexToBytes(computeWebhookSignature({ payload, secret: each, timestamp }));
    for (const signature of signatures) {
      // No early exit: the work done does not depend on which pair matched.
      if (constantTimeEqual(expected, hexToBytes(signature))) isMatch = true;
    }
  }
  if (!isMatch) throw new WebhookSignatureMismatchError({ signatureCount: signatures.length });

  const nowSeconds = Math.floor(nowMs / 1000);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    throw new WebhookTimestampOutOfToleranceError({ timestamp, now: nowSeconds, toleranceSeconds });
  }
  return readEvent(payload);
}

/** Only after the signature holds: the body is then ours, but its shape is still checked. */
function readEvent(payload: string | Uint8Array): WebhookEvent {
  let parsed: unknown;
  try {
    const text =
      typeof payload === 'string'
        ? payload
        : new TextDecoder('utf-8', { fatal: true }).decode(payload);
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new InvalidWebhookPayloadError({ reason: 'it is not UTF-8 JSON', cause });
  }
  if (!isRecord(parsed)) throw new InvalidWebhookPayloadError({ reason: 'it is not an object' });
  const { id, object, type, created_at: createdAt, data } = parsed;
  if (typeof id !== 'string' || object !== 'event' || typeof type !== 'string') {
    throw new InvalidWebhookPayloadError({ reason: 'id and type must be strings, object "event"' });
  }
  if (typeof createdAt !== 'string') {
    throw new InvalidWebhookPayloadError({ reason: 'created_at must be an ISO 8601 string' });
  }
  if (!isRecord(data)) throw new InvalidWebhookPayloadError({ reason: 'data must be an object' });
  return { id, object, type, created_at: createdAt, data };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

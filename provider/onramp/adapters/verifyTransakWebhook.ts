import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../../shared/webhooks/constantTimeEqual.ts';
import { MalformedOnrampWebhookError, OnrampWebhookSignatureError } from '../errors.ts';

export type VerifyTransakWebhookParameters = {
  rawBody: string;
  /**
   * The Partner Access Tokens the JWT may be signed with: the current one, and the one before it
   * for a while after a refresh (deliveries signed just before it may still arrive).
   */
  accessTokens: readonly string[];
  now: Date;
};
export type VerifyTransakWebhookReturnType = unknown;
export type VerifyTransakWebhookErrorType =
  OnrampWebhookSignatureError | MalformedOnrampWebhookError;

const adapter = 'transak';
const maxBodyLength = 64 * 1024;
const segmentPattern = /^[A-Za-z0-9_-]+$/;

/*
 * Trusted: the access tokens. Not trusted: the body. Transak (docs.transak.com, "How to Verify and
 * Decode the Webhook Payload"): the body is `{ "data": "<JWT>" }`, the JWT signed HS256 with the
 * Partner Access Token; it is signed, not encrypted. We accept only alg HS256 (never `none`, never
 * an algorithm the token names for itself), compare the MAC in constant time, check `exp` when
 * present, and decode the claims only after that.
 */

/** The JWT's claims (`{ webhookData, eventID, … }`), once its signature checks out. */
export function verifyTransakWebhook({
  rawBody,
  accessTokens,
  now,
}: VerifyTransakWebhookParameters): VerifyTransakWebhookReturnType {
  const refuse = (reason: string) => new OnrampWebhookSignatureError({ adapter, reason });
  if (rawBody.length > maxBodyLength) throw refuse('the body is too large');
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch (cause) {
    throw new MalformedOnrampWebhookError({ adapter, field: 'JSON body', cause });
  }
  const token =
    typeof body === 'object' && body !== null && Object.hasOwn(body, 'data')
      ? (body as { data: unknown }).data
      : undefined;
  if (typeof token !== 'string') throw refuse('the body has no data JWT');
  const segments = token.split('.');
  const [header, claims, signature] = segments;
  if (
    segments.length !== 3 ||
    header === undefined ||
    claims === undefined ||
    signature === undefined ||
    !segments.every((segment) => segmentPattern.test(segment))
  ) {
    throw refuse('data is not a compact JWT');
  }
  const headerJson = decodeSegment(header);
  if (
    typeof headerJson !== 'object' ||
    headerJson === null ||
    (headerJson as { alg?: unknown }).alg !== 'HS256'
  ) {
    throw refuse('the JWT is not HS256');
  }
  const presented = new Uint8Array(Buffer.from(signature, 'base64url'));
  const signed = `${header}.${claims}`;
  const isSigned = accessTokens.some((accessToken) =>
    constantTimeEqual(
      new Uint8Array(createHmac('sha256', accessToken).update(signed).digest()),
      presented,
    ),
  );
  if (!isSigned) throw refuse('the JWT is not signed with the access token');
  const payload = decodeSegment(claims);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new MalformedOnrampWebhookError({ adapter, field: 'JWT claims' });
  }
  const expiry = (payload as { exp?: unknown }).exp;
  if (typeof expiry === 'number' && expiry * 1000 < now.getTime()) {
    throw refuse('the JWT has expired');
  }
  return payload;
}

function decodeSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

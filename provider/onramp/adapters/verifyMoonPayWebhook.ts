import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../../shared/webhooks/constantTimeEqual.ts';
import { MalformedOnrampWebhookError, OnrampWebhookSignatureError } from '../errors.ts';
import type { OnrampWebhookRequest } from '../OnrampAdapter.ts';

export type VerifyMoonPayWebhookParameters = OnrampWebhookRequest & {
  /** The "webhook API key" of the MoonPay dashboard (not the secret key). */
  webhookKey: string;
  /** How far the signed time may be from now (default 300 s), against replays. */
  toleranceSeconds?: number;
};
export type VerifyMoonPayWebhookReturnType = unknown;
export type VerifyMoonPayWebhookErrorType =
  OnrampWebhookSignatureError | MalformedOnrampWebhookError;

export const moonPaySignatureHeader = 'moonpay-signature-v2';
const maxHeaderLength = 512;

/*
 * Trusted: the webhook key. Not trusted: everything in the request. MoonPay (dev.moonpay.com,
 * "Request signing"): `Moonpay-Signature-V2: t=<unix seconds>,s=<hex>`, s = HMAC-SHA256 keyed
 * with the webhook key over `${t}.${raw body}`. MoonPay documents no replay window; we refuse
 * timestamps further than `toleranceSeconds` from now, as our own webhooks do. The MAC is
 * compared in constant time; the body is parsed only after it is authenticated.
 */

/** The authenticated body, parsed. */
export function verifyMoonPayWebhook({
  headers,
  rawBody,
  now,
  webhookKey,
  toleranceSeconds = 300,
}: VerifyMoonPayWebhookParameters): VerifyMoonPayWebhookReturnType {
  const refuse = (reason: string) =>
    new OnrampWebhookSignatureError({ adapter: 'moonpay', reason });
  const header = headers[moonPaySignatureHeader];
  if (typeof header !== 'string') throw refuse('the Moonpay-Signature-V2 header is missing');
  if (header.length > maxHeaderLength) throw refuse('the signature header is too long');
  let timestamp: string | undefined;
  let signature: string | undefined;
  for (const item of header.split(',')) {
    const [key, value, extra] = item.trim().split('=');
    if (value === undefined || extra !== undefined) throw refuse('an item is not key=value');
    if (key === 't') timestamp = value;
    if (key === 's') signature = value;
  }
  if (timestamp === undefined || !/^\d{1,15}$/.test(timestamp)) {
    throw refuse('t is missing or not unix seconds');
  }
  if (signature === undefined || !/^[0-9a-fA-F]{64}$/.test(signature)) {
    throw refuse('s is missing or not 64 hex digits');
  }
  const ageSeconds = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (ageSeconds > toleranceSeconds) {
    throw refuse(`the signed time is ${Math.round(ageSeconds)} s from now`);
  }
  const expected = createHmac('sha256', webhookKey).update(`${timestamp}.${rawBody}`).digest();
  if (!constantTimeEqual(new Uint8Array(expected), new Uint8Array(Buffer.from(signature, 'hex')))) {
    throw refuse('the signature does not match the body');
  }
  try {
    return JSON.parse(rawBody) as unknown;
  } catch (cause) {
    throw new MalformedOnrampWebhookError({ adapter: 'moonpay', field: 'JSON body', cause });
  }
}

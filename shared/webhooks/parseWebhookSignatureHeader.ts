// Reads `TP-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`. The header is attacker-controlled:
// its length is capped before any work, exactly one `t` is required, and schemes other than `v1`
// are skipped (room for a future scheme without breaking today's verifiers).
import { InvalidWebhookHeaderError } from './errors.ts';

export type ParseWebhookSignatureHeaderReturnType = {
  /** Unix seconds, as signed. */
  timestamp: number;
  /** Every `v1` value, lowercase hex, in header order (one per active secret while rotating). */
  signatures: string[];
};

export type ParseWebhookSignatureHeaderErrorType = InvalidWebhookHeaderError;

/** Room for a timestamp and a few dozen signatures; more is not a header we sent. */
export const maxSignatureHeaderLength = 4096;

const timestampPattern = /^\d{1,15}$/;
const signaturePattern = /^[0-9a-f]{64}$/;

export function parseWebhookSignatureHeader(
  header: unknown,
): ParseWebhookSignatureHeaderReturnType {
  if (typeof header !== 'string') {
    throw new InvalidWebhookHeaderError({ reason: 'it is missing, or sent more than once' });
  }
  if (header.trim() === '') throw new InvalidWebhookHeaderError({ reason: 'it is empty' });
  if (header.length > maxSignatureHeaderLength) {
    throw new InvalidWebhookHeaderError({
      reason: `it is longer than ${maxSignatureHeaderLength} characters`,
    });
  }
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const separator = item.indexOf('=');
    if (separator <= 0) throw new InvalidWebhookHeaderError({ reason: 'an item is not key=value' });
    const key = item.slice(0, separator).trim();
    const value = item.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined) {
        throw new InvalidWebhookHeaderError({ reason: 'it has more than one t' });
      }
      if (!timestampPattern.test(value)) {
        throw new InvalidWebhookHeaderError({ reason: 't is not unix seconds' });
      }
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!signaturePattern.test(value)) {
        throw new InvalidWebhookHeaderError({
          reason: 'a v1 value is not 64 lowercase hex digits',
        });
      }
      signatures.push(value);
    }
  }
  if (timestamp === undefined) throw new InvalidWebhookHeaderError({ reason: 'it has no t' });
  if (signatures.length === 0) throw new InvalidWebhookHeaderError({ reason: 'it has no v1' });
  return { timestamp, signatures };
}

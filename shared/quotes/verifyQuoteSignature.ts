import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { QuoteSignatureFields } from './QuoteSignatureFields.ts';
import { encodeQuoteMessage } from './encodeQuoteMessage.ts';
import type { EncodeQuoteMessageErrorType } from './encodeQuoteMessage.ts';
import { InvalidQuoteSignatureInputError } from './errors.ts';

/*
 * Trusted: the public key, taken from the provider (`GET /v1/keys`) over a channel the caller
 * trusts. Not trusted: the quote and its signature (they may come through the page).
 * Ed25519 (RFC 8032) over `encodeQuoteMessage(quote)`, verified strictly (no ZIP-215 leniency),
 * so a signature has one valid encoding.
 */

export type VerifyQuoteSignatureParameters = {
  /** The quote as the API returned it; fields other than the signed ones are ignored. */
  quote: QuoteSignatureFields;
  /** 64 bytes as 128 hex digits (`quote.signature.value`). */
  signature: string;
  /** 32 bytes as 64 hex digits (`GET /v1/keys`, the key named by `quote.signature.key_id`). */
  publicKey: string;
};
export type VerifyQuoteSignatureReturnType = boolean;
/** Malformed quote fields, signature or key (a signature that does not match is `false`). */
export type VerifyQuoteSignatureErrorType = EncodeQuoteMessageErrorType;

/** Whether `signature` is the provider's signature of exactly these quote fields. */
export function verifyQuoteSignature({
  quote,
  signature,
  publicKey,
}: VerifyQuoteSignatureParameters): VerifyQuoteSignatureReturnType {
  const signatureBytes = readHex('signature', signature, 64);
  const publicKeyBytes = readHex('publicKey', publicKey, 32);
  const message = encodeQuoteMessage(quote);
  try {
    return ed25519.verify(signatureBytes, message, publicKeyBytes, { zip215: false });
  } catch {
    // A public key that is not a curve point, say: no signature is valid under it.
    return false;
  }
}

function readHex(field: string, value: unknown, length: number): Uint8Array {
  if (typeof value !== 'string' || !new RegExp(`^[0-9a-fA-F]{${length * 2}}$`).test(value)) {
    throw new InvalidQuoteSignatureInputError({
      field,
      expected: `${length} bytes as ${length * 2} hex digits`,
      received: value,
    });
  }
  return hexToBytes(value.toLowerCase());
}

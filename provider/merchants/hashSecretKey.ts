import { createHash } from 'node:crypto';

export type HashSecretKeyReturnType = string;

/**
 * SHA-256 of a secret key, as hex: what the database keeps instead of the key. A plain hash is
 * enough (no salt, no slow KDF) because keys are 32 random bytes, not something a person chose:
 * there is no dictionary to try, and 2^256 candidates are out of reach.
 */
export function hashSecretKey(secretKey: string): HashSecretKeyReturnType {
  return createHash('sha256').update(secretKey, 'utf8').digest('hex');
}

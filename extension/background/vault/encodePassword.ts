/**
 * Assumes nothing about `password`. NFC-normalizes it (RFC 8265 OpaqueString), so the same
 * password typed on another keyboard or OS still unlocks, then UTF-8 encodes it. Lone
 * surrogates are refused rather than silently turned into U+FFFD, which would make different
 * passwords equal.
 */
import { InvalidVaultPasswordError } from './errors.ts';

export type EncodePasswordErrorType = InvalidVaultPasswordError;

/** Long passphrases are welcome; this only keeps a pasted file from reaching the KDF. */
export const maximumPasswordLength = 1024;

const loneSurrogate = /[\uD800-\uDFFF]/u;

export function encodePassword(password: string): Uint8Array {
  if (typeof password !== 'string')
    throw new InvalidVaultPasswordError({ reason: 'it is not text' });
  if (password.length === 0) throw new InvalidVaultPasswordError({ reason: 'it is empty' });
  if (password.length > maximumPasswordLength)
    throw new InvalidVaultPasswordError({
      reason: `it is longer than ${maximumPasswordLength} characters`,
    });
  if (loneSurrogate.test(password))
    throw new InvalidVaultPasswordError({ reason: 'it contains invalid Unicode' });
  return new TextEncoder().encode(password.normalize('NFC'));
}

/**
 * Trusts `vaultKey` (from deriveVaultKey); assumes nothing about `plaintext` except that it is
 * bytes. Every call draws a fresh 12-byte IV, so re-saving with the same key never reuses a
 * nonce (random IVs are safe for far more writes than a wallet makes: NIST's 2^32 bound).
 */
import { randomBytes as secureRandomBytes } from '@noble/hashes/utils.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  maximumCiphertextBytes,
  vaultIvBytes,
  vaultKeyBytes,
  vaultTagBytes,
  vaultVersion,
} from './Vault.ts';
import type { Vault, VaultKey } from './Vault.ts';
import { encodeVaultHeader } from './encodeVaultHeader.ts';
import { VaultInvalidArgumentError } from './errors.ts';

export type EncryptVaultParameters = {
  vaultKey: VaultKey;
  plaintext: Uint8Array;
  /** Injectable for known-answer tests only; defaults to the platform CSPRNG. */
  randomBytes?: (length: number) => Uint8Array;
};
export type EncryptVaultReturnType = Vault;
export type EncryptVaultErrorType = VaultInvalidArgumentError;

export async function encryptVault({
  vaultKey,
  plaintext,
  randomBytes = secureRandomBytes,
}: EncryptVaultParameters): Promise<EncryptVaultReturnType> {
  if (!(vaultKey.key instanceof Uint8Array) || vaultKey.key.length !== vaultKeyBytes)
    throw new VaultInvalidArgumentError({ argument: 'vaultKey.key', expected: '32 bytes' });
  if (
    !(plaintext instanceof Uint8Array) ||
    plaintext.length > maximumCiphertextBytes - vaultTagBytes
  )
    throw new VaultInvalidArgumentError({
      argument: 'plaintext',
      expected: `bytes, at most ${maximumCiphertextBytes - vaultTagBytes}`,
    });
  const iv = randomBytes(vaultIvBytes);
  if (!(iv instanceof Uint8Array) || iv.length !== vaultIvBytes)
    throw new VaultInvalidArgumentError({ argument: 'randomBytes', expected: 'a byte source' });

  const { N, r, p, salt } = vaultKey.kdf;
  const header = {
    version: vaultVersion,
    // Field by field: a stray property on the key's kdf must not end up in the stored vault.
    kdf: { name: 'scrypt', N, r, p, dkLen: vaultKeyBytes, salt },
    cipher: { name: 'aes-256-gcm', iv: bytesToHex(iv) },
  } as const;
  const key = await crypto.subtle.importKey(
    'raw',
    new Uint8Array(vaultKey.key),
    { name: 'AES-GCM' },
    false,
    ['encrypt'],
  );
  const sealed = await crypto.subtle.encrypt(
    {
      name: 'AES-GCM',
      iv: new Uint8Array(iv),
      additionalData: new Uint8Array(encodeVaultHeader(header)),
      tagLength: 8 * vaultTagBytes,
    },
    key,
    new Uint8Array(plaintext),
  );
  return { ...header, ciphertext: bytesToHex(new Uint8Array(sealed)) };
}

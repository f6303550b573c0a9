/**
 * Trusts `vault` to be parsed (parseVault); assumes nothing about `key`. Returns the plaintext
 * only if the GCM tag verifies over header, IV and ciphertext, so a wrong key and any change to
 * the stored bytes look the same: one typed error, and no partial plaintext ever.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { vaultKeyBytes, vaultTagBytes } from './Vault.ts';
import type { Vault } from './Vault.ts';
import { encodeVaultHeader } from './encodeVaultHeader.ts';
import { VaultInvalidArgumentError, VaultWrongPasswordOrTamperedError } from './errors.ts';

export type DecryptVaultParameters = {
  vault: Vault;
  /** The 32-byte key (VaultKey.key). */
  key: Uint8Array;
};
export type DecryptVaultReturnType = Uint8Array;
export type DecryptVaultErrorType = VaultInvalidArgumentError | VaultWrongPasswordOrTamperedError;

export async function decryptVault({
  vault,
  key,
}: DecryptVaultParameters): Promise<DecryptVaultReturnType> {
  if (!(key instanceof Uint8Array) || key.length !== vaultKeyBytes)
    throw new VaultInvalidArgumentError({ argument: 'key', expected: '32 bytes' });
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    new Uint8Array(key),
    { name: 'AES-GCM' },
    false,
    ['decrypt'],
  );
  try {
    const plaintext = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: new Uint8Array(hexToBytes(vault.cipher.iv)),
        additionalData: new Uint8Array(encodeVaultHeader(vault)),
        tagLength: 8 * vaultTagBytes,
      },
      cryptoKey,
      new Uint8Array(hexToBytes(vault.ciphertext)),
    );
    return new Uint8Array(plaintext);
  } catch (error) {
    throw new VaultWrongPasswordOrTamperedError({ cause: error });
  }
}

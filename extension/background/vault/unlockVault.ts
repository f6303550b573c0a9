/**
 * Assumes nothing about `stored` or `password`. Parses and bounds-checks the stored vault before
 * spending any KDF work on it, then derives the key and decrypts. Either everything succeeds or
 * a typed error is thrown; the plaintext is never returned unauthenticated.
 */
import { decryptVault } from './decryptVault.ts';
import type { DecryptVaultErrorType } from './decryptVault.ts';
import { deriveVaultKey } from './deriveVaultKey.ts';
import type { DeriveVaultKeyErrorType } from './deriveVaultKey.ts';
import { parseVault } from './parseVault.ts';
import type { ParseVaultErrorType } from './parseVault.ts';
import { defaultVaultKdfLimits } from './Vault.ts';
import type { Vault, VaultKdfLimits, VaultKey } from './Vault.ts';

export type UnlockVaultParameters = {
  /** The vault as stored: object or JSON text, unchecked. */
  stored: unknown;
  password: string;
  limits?: VaultKdfLimits;
  onProgress?: (progress: number) => void;
};
export type UnlockVaultReturnType = { vault: Vault; vaultKey: VaultKey; plaintext: Uint8Array };
export type UnlockVaultErrorType =
  ParseVaultErrorType | DeriveVaultKeyErrorType | DecryptVaultErrorType;

export async function unlockVault({
  stored,
  password,
  limits = defaultVaultKdfLimits,
  onProgress,
}: UnlockVaultParameters): Promise<UnlockVaultReturnType> {
  const vault = parseVault({ input: stored, limits });
  const vaultKey = await deriveVaultKey({
    password,
    kdf: vault.kdf,
    ...(onProgress ? { onProgress } : {}),
  });
  const plaintext = await decryptVault({ vault, key: vaultKey.key });
  return { vault, vaultKey, plaintext };
}

/**
 * Assumes nothing about `stored` or either password. Opens the vault with the old password,
 * then seals the same plaintext under the new one with a fresh salt and the current parameters
 * (so a password change also upgrades the KDF). The old vault stays valid until the caller
 * replaces it in storage.
 */
import { createVault } from './createVault.ts';
import type { CreateVaultErrorType } from './createVault.ts';
import { unlockVault } from './unlockVault.ts';
import type { UnlockVaultErrorType } from './unlockVault.ts';
import { defaultScryptParams, defaultVaultKdfLimits } from './Vault.ts';
import type { ScryptParams, Vault, VaultKdfLimits, VaultKey } from './Vault.ts';

export type ChangeVaultPasswordParameters = {
  stored: unknown;
  oldPassword: string;
  newPassword: string;
  params?: ScryptParams;
  limits?: VaultKdfLimits;
  randomBytes?: (length: number) => Uint8Array;
};
export type ChangeVaultPasswordReturnType = { vault: Vault; vaultKey: VaultKey };
export type ChangeVaultPasswordErrorType = UnlockVaultErrorType | CreateVaultErrorType;

export async function changeVaultPassword({
  stored,
  oldPassword,
  newPassword,
  params = defaultScryptParams,
  limits = defaultVaultKdfLimits,
  randomBytes,
}: ChangeVaultPasswordParameters): Promise<ChangeVaultPasswordReturnType> {
  const { plaintext } = await unlockVault({ stored, password: oldPassword, limits });
  try {
    return await createVault({
      password: newPassword,
      plaintext,
      params,
      limits,
      ...(randomBytes ? { randomBytes } : {}),
    });
  } finally {
    plaintext.fill(0);
  }
}

/**
 * Trusts `kdf` to be parsed and within limits (parseVault or createVault checked it); assumes
 * nothing about `password`. scrypt runs asynchronously, yielding every few milliseconds, so the
 * service worker keeps answering messages while it works.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { VaultKdf, VaultKey } from './Vault.ts';
import { encodePassword } from './encodePassword.ts';
import type { EncodePasswordErrorType } from './encodePassword.ts';

export type DeriveVaultKeyParameters = {
  password: string;
  kdf: VaultKdf;
  /** Called with the completed fraction (0…1), for a progress bar. */
  onProgress?: (progress: number) => void;
};
export type DeriveVaultKeyReturnType = VaultKey;
export type DeriveVaultKeyErrorType = EncodePasswordErrorType;

export async function deriveVaultKey({
  password,
  kdf,
  onProgress,
}: DeriveVaultKeyParameters): Promise<DeriveVaultKeyReturnType> {
  const passwordBytes = encodePassword(password);
  const { N, r, p, dkLen } = kdf;
  try {
    const key = await scryptAsync(passwordBytes, hexToBytes(kdf.salt), {
      N,
      r,
      p,
      dkLen,
      // Exactly what noble allocates for these parameters; the limits already bounded them.
      maxmem: 128 * r * (N + p + 1),
      ...(onProgress ? { onProgress } : {}),
    });
    return { kdf: { name: 'scrypt', N, r, p, dkLen, salt: kdf.salt }, key };
  } finally {
    passwordBytes.fill(0);
  }
}

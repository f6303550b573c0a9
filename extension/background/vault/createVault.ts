/**
 * Assumes nothing about `password` or `plaintext`; trusts `limits` (from code). Seals
 * `plaintext` under a new password with a fresh random salt, so the same password never gives
 * the same key twice. Also the way to re-encrypt with stronger parameters (see needsUpgrade).
 */
import { randomBytes as secureRandomBytes } from '@noble/hashes/utils.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { assertScryptParams } from './assertScryptParams.ts';
import type { AssertScryptParamsErrorType } from './assertScryptParams.ts';
import { deriveVaultKey } from './deriveVaultKey.ts';
import type { DeriveVaultKeyErrorType } from './deriveVaultKey.ts';
import { encryptVault } from './encryptVault.ts';
import type { EncryptVaultErrorType } from './encryptVault.ts';
import {
  defaultScryptParams,
  defaultVaultKdfLimits,
  vaultKeyBytes,
  vaultSaltBytes,
} from './Vault.ts';
import type { ScryptParams, Vault, VaultKdfLimits, VaultKey } from './Vault.ts';
import { InvalidVaultPasswordError, VaultInvalidArgumentError } from './errors.ts';

export type CreateVaultParameters = {
  password: string;
  plaintext: Uint8Array;
  params?: ScryptParams;
  limits?: VaultKdfLimits;
  /** Injectable for known-answer tests only; defaults to the platform CSPRNG. */
  randomBytes?: (length: number) => Uint8Array;
  onProgress?: (progress: number) => void;
};
export type CreateVaultReturnType = { vault: Vault; vaultKey: VaultKey };
export type CreateVaultErrorType =
  AssertScryptParamsErrorType | DeriveVaultKeyErrorType | EncryptVaultErrorType;

/** For new passwords only: an existing vault always opens with the password it was made with. */
export const minimumNewPasswordLength = 8;

export async function createVault({
  password,
  plaintext,
  params = defaultScryptParams,
  limits = defaultVaultKdfLimits,
  randomBytes = secureRandomBytes,
  onProgress,
}: CreateVaultParameters): Promise<CreateVaultReturnType> {
  assertScryptParams(params, limits);
  if (
    typeof password === 'string' &&
    Array.from(password.normalize('NFC')).length < minimumNewPasswordLength
  )
    throw new InvalidVaultPasswordError({
      reason: `it is shorter than ${minimumNewPasswordLength} characters`,
    });
  const salt = randomBytes(vaultSaltBytes);
  if (!(salt instanceof Uint8Array) || salt.length !== vaultSaltBytes)
    throw new VaultInvalidArgumentError({ argument: 'randomBytes', expected: 'a byte source' });
  const vaultKey = await deriveVaultKey({
    password,
    kdf: { name: 'scrypt', ...pick(params), dkLen: vaultKeyBytes, salt: bytesToHex(salt) },
    ...(onProgress ? { onProgress } : {}),
  });
  const vault = await encryptVault({ vaultKey, plaintext, randomBytes });
  return { vault, vaultKey };
}

function pick({ N, r, p }: ScryptParams): ScryptParams {
  return { N, r, p };
}

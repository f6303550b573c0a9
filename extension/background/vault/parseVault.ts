/**
 * Assumes nothing about `input`: it comes from storage that other code, a bug or an attacker
 * with disk access may have written. Returns a fresh, fully checked vault or throws a TpError;
 * never a partial result. Authenticity is not checked here (that needs the key): this only
 * guarantees the shape and that the KDF parameters are within `limits`.
 */
import { TpError } from '../../../shared/errors/TpError.ts';
import { assertScryptParams } from './assertScryptParams.ts';
import type { AssertScryptParamsErrorType } from './assertScryptParams.ts';
import {
  defaultVaultKdfLimits,
  maximumCiphertextBytes,
  maximumSaltBytes,
  minimumSaltBytes,
  vaultIvBytes,
  vaultKeyBytes,
  vaultTagBytes,
  vaultVersion,
} from './Vault.ts';
import type { Vault, VaultKdfLimits } from './Vault.ts';
import { VaultCorruptError, VaultUnsupportedVersionError } from './errors.ts';

export type ParseVaultParameters = {
  /** The stored vault: the object, or its JSON text. */
  input: unknown;
  limits?: VaultKdfLimits;
};
export type ParseVaultReturnType = Vault;
export type ParseVaultErrorType =
  VaultCorruptError | VaultUnsupportedVersionError | AssertScryptParamsErrorType;

const maximumJsonLength = 2 * maximumCiphertextBytes + 4096;
const lowercaseHex = /^(?:[0-9a-f]{2})*$/;

export function parseVault({
  input,
  limits = defaultVaultKdfLimits,
}: ParseVaultParameters): ParseVaultReturnType {
  try {
    return readVault(input, limits);
  } catch (error) {
    // Getters and proxies can throw anything; the caller still gets a vault error.
    if (error instanceof TpError) throw error;
    throw new VaultCorruptError({ field: 'vault', reason: 'could not be read', cause: error });
  }
}

function readVault(input: unknown, limits: VaultKdfLimits): Vault {
  const root = readObject(parseJsonIfText(input), 'vault', [
    'version',
    'kdf',
    'cipher',
    'ciphertext',
  ]);
  const version = root.version;
  if (typeof version !== 'number')
    throw new VaultCorruptError({ field: 'version', reason: 'is not a number' });
  if (version !== vaultVersion)
    throw new VaultUnsupportedVersionError({ version, supported: [vaultVersion] });

  const kdf = readObject(root.kdf, 'kdf', ['name', 'N', 'r', 'p', 'dkLen', 'salt']);
  if (kdf.name !== 'scrypt')
    throw new VaultCorruptError({ field: 'kdf.name', reason: 'is not "scrypt"' });
  const N = readInteger(kdf.N, 'kdf.N');
  const r = readInteger(kdf.r, 'kdf.r');
  const p = readInteger(kdf.p, 'kdf.p');
  if (kdf.dkLen !== vaultKeyBytes)
    throw new VaultCorruptError({ field: 'kdf.dkLen', reason: `is not ${vaultKeyBytes}` });
  const salt = readHex(kdf.salt, 'kdf.salt', minimumSaltBytes, maximumSaltBytes);

  const cipher = readObject(root.cipher, 'cipher', ['name', 'iv']);
  if (cipher.name !== 'aes-256-gcm')
    throw new VaultCorruptError({ field: 'cipher.name', reason: 'is not "aes-256-gcm"' });
  const iv = readHex(cipher.iv, 'cipher.iv', vaultIvBytes, vaultIvBytes);
  const ciphertext = readHex(root.ciphertext, 'ciphertext', vaultTagBytes, maximumCiphertextBytes);

  if (N < 2 || !Number.isInteger(Math.log2(N)))
    throw new VaultCorruptError({ field: 'kdf.N', reason: 'is not a power of two' });
  assertScryptParams({ N, r, p }, limits);

  return {
    version: vaultVersion,
    kdf: { name: 'scrypt', N, r, p, dkLen: vaultKeyBytes, salt },
    cipher: { name: 'aes-256-gcm', iv },
    ciphertext,
  };
}

function parseJsonIfText(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  if (input.length > maximumJsonLength)
    throw new VaultCorruptError({ field: 'vault', reason: 'is too large' });
  try {
    return JSON.parse(input) as unknown;
  } catch (error) {
    throw new VaultCorruptError({ field: 'vault', reason: 'is not valid JSON', cause: error });
  }
}

/** A plain object with exactly `keys` as own properties; extra fields would go unauthenticated. */
function readObject<Key extends string>(
  value: unknown,
  field: string,
  keys: readonly Key[],
): Record<Key, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new VaultCorruptError({ field, reason: 'is not an object' });
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null)
    throw new VaultCorruptError({ field, reason: 'is not a plain object' });
  const present = Object.keys(value);
  for (const key of keys)
    if (!present.includes(key))
      throw new VaultCorruptError({ field: `${field}.${key}`, reason: 'is missing' });
  if (present.length !== keys.length)
    throw new VaultCorruptError({ field, reason: 'has unexpected fields' });
  return value as Record<Key, unknown>;
}

function readInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new VaultCorruptError({ field, reason: 'is not a positive integer' });
  return value;
}

function readHex(value: unknown, field: string, minimumBytes: number, maximumBytes: number) {
  if (typeof value !== 'string') throw new VaultCorruptError({ field, reason: 'is not text' });
  if (value.length < 2 * minimumBytes || value.length > 2 * maximumBytes)
    throw new VaultCorruptError({
      field,
      reason:
        minimumBytes === maximumBytes
          ? `is not ${minimumBytes} bytes`
          : `is not between ${minimumBytes} and ${maximumBytes} bytes`,
    });
  if (!lowercaseHex.test(value))
    throw new VaultCorruptError({ field, reason: 'is not lowercase hex' });
  return value;
}

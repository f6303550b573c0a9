import { TpError } from '../../../shared/errors/TpError.ts';

/**
 * The errors the vault throws; each `code` is stable and part of the API. None of them ever
 * carries the password, the key or the plaintext.
 */

/** The stored vault is not a well-formed version-1 vault (missing field, bad hex, wrong type). */
export class VaultCorruptError extends TpError {
  override name = 'VaultCorruptError';
  override readonly code = 'vault/corrupt';

  constructor({ field, reason, cause }: { field: string; reason: string; cause?: unknown }) {
    super({
      code: 'vault/corrupt',
      shortMessage: `The stored vault is damaged: ${field} ${reason}.`,
      details: { field, reason },
      cause,
    });
  }
}

/** A vault written by a newer (or unknown) format version. */
export class VaultUnsupportedVersionError extends TpError {
  override name = 'VaultUnsupportedVersionError';
  override readonly code = 'vault/unsupported-version';

  constructor({ version, supported }: { version: number; supported: readonly number[] }) {
    super({
      code: 'vault/unsupported-version',
      shortMessage: `The vault uses format version ${version}, which this wallet cannot read.`,
      details: { version, supported },
    });
  }
}

/** KDF parameters weaker than the minimum (downgrade) or costlier than the maximum (DoS). */
export class VaultKdfOutOfBoundsError extends TpError {
  override name = 'VaultKdfOutOfBoundsError';
  override readonly code = 'vault/kdf-out-of-bounds';

  constructor({
    field,
    value,
    bound,
    limit,
  }: {
    field: string;
    value: number;
    bound: 'minimum' | 'maximum';
    limit: number;
  }) {
    super({
      code: 'vault/kdf-out-of-bounds',
      shortMessage:
        bound === 'minimum'
          ? `The vault's key derivation is weaker than allowed: ${field} is below ${limit}.`
          : `The vault's key derivation is costlier than allowed: ${field} is above ${limit}.`,
      details: { field, value, bound, limit },
    });
  }
}

/**
 * AES-GCM authentication failed. GCM cannot tell a wrong password from a modified header, IV,
 * ciphertext or tag: all of them produce the same tag mismatch, so this one error covers both.
 */
export class VaultWrongPasswordOrTamperedError extends TpError {
  override name = 'VaultWrongPasswordOrTamperedError';
  override readonly code = 'vault/wrong-password-or-tampered';

  constructor({ cause }: { cause?: unknown } = {}) {
    super({
      code: 'vault/wrong-password-or-tampered',
      shortMessage: 'Wrong password, or the stored vault was modified.',
      cause,
    });
  }
}

/** The password is not usable (not a string, empty, too long, or not well-formed Unicode). */
export class InvalidVaultPasswordError extends TpError {
  override name = 'InvalidVaultPasswordError';
  override readonly code = 'vault/invalid-password';

  constructor({ reason }: { reason: string }) {
    super({
      code: 'vault/invalid-password',
      shortMessage: `The password cannot be used: ${reason}.`,
      details: { reason },
    });
  }
}

/** A caller passed something the vault functions do not accept (a programming error). */
export class VaultInvalidArgumentError extends TpError {
  override name = 'VaultInvalidArgumentError';
  override readonly code = 'vault/invalid-argument';

  constructor({ argument, expected }: { argument: string; expected: string }) {
    super({
      code: 'vault/invalid-argument',
      shortMessage: `Invalid argument: ${argument} must be ${expected}.`,
      details: { argument, expected },
    });
  }
}

/** The persisted failed-unlock counter is not a valid state. */
export class InvalidUnlockAttemptsError extends TpError {
  override name = 'InvalidUnlockAttemptsError';
  override readonly code = 'vault/invalid-unlock-attempts';

  constructor({ field, expected }: { field: string; expected: string }) {
    super({
      code: 'vault/invalid-unlock-attempts',
      shortMessage: `Invalid unlock-attempts state: ${field} must be ${expected}.`,
      details: { field, expected },
    });
  }
}

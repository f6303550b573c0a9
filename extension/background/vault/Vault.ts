/**
 * The vault at rest: scrypt turns the password into a 256-bit key, AES-256-GCM encrypts the
 * keyring with it. Everything is JSON-serializable (bytes as lowercase hex) so it can be stored
 * as is in `chrome.storage.local`; the header (version, kdf, cipher) is authenticated as GCM
 * additional data, so nobody can swap parameters without the tag failing.
 */

export const vaultVersion = 1;

/** scrypt's cost parameters: memory is 128·N·r bytes, time grows with N·r·p. */
export type ScryptParams = { N: number; r: number; p: number };

export type VaultKdf = {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** Always 32: the AES-256 key length. */
  dkLen: 32;
  /** Lowercase hex, 16 to 64 bytes; fresh on every password change. */
  salt: string;
};

export type VaultCipher = {
  name: 'aes-256-gcm';
  /** Lowercase hex, 12 bytes; fresh on every write. */
  iv: string;
};

export type Vault = {
  version: typeof vaultVersion;
  kdf: VaultKdf;
  cipher: VaultCipher;
  /** Lowercase hex of ciphertext followed by the 16-byte GCM tag. */
  ciphertext: string;
};

/** The unlocked key, bound to the salt and parameters it was derived with. Secret. */
export type VaultKey = { kdf: VaultKdf; key: Uint8Array };

/**
 * Bounds enforced when a vault is read or written. `minimum` refuses downgraded parameters,
 * `maximum` refuses parameters that would stall or crash the service worker. Injected so tests
 * can use cheap parameters; production code uses `defaultVaultKdfLimits`.
 */
export type VaultKdfLimits = {
  minimum: ScryptParams;
  maximum: ScryptParams & { memoryBytes: number };
};

/** What new vaults use: 128 MiB, about 0.5 s in Node and 0.8 s in the MV3 worker. */
export const defaultScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export const defaultVaultKdfLimits: VaultKdfLimits = {
  minimum: { N: 2 ** 17, r: 8, p: 1 },
  maximum: { N: 2 ** 19, r: 16, p: 4, memoryBytes: 512 * 1024 * 1024 },
};

export const vaultSaltBytes = 32;
export const vaultIvBytes = 12;
export const vaultKeyBytes = 32;
export const vaultTagBytes = 16;
export const minimumSaltBytes = 16;
export const maximumSaltBytes = 64;
/** The keyring is a few KB; anything near this is not ours. Bounds the work of a decode. */
export const maximumCiphertextBytes = 4 * 1024 * 1024;

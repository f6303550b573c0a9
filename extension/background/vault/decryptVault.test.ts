import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { Vault, VaultKey } from './Vault.ts';
import { decryptVault } from './decryptVault.ts';
import { encryptVault } from './encryptVault.ts';
import { VaultInvalidArgumentError, VaultWrongPasswordOrTamperedError } from './errors.ts';

const vaultKey: VaultKey = {
  kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, dkLen: 32, salt: '11'.repeat(32) },
  key: new Uint8Array(32).fill(7),
};
const plaintext = new TextEncoder().encode('{"keyring":"secret","accounts":3}');

/** Flips one bit of byte `index` of a hex string. */
const flipByte = (hex: string, index: number): string => {
  const bytes = hexToBytes(hex);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytesToHex(bytes);
};

describe('decryptVault', () => {
  it('refuses a different key with the typed error', async () => {
    const vault = await encryptVault({ vaultKey, plaintext });
    const decrypt = decryptVault({ vault, key: new Uint8Array(32).fill(8) });
    await expect(decrypt).rejects.toThrow(VaultWrongPasswordOrTamperedError);
    await expect(decrypt).rejects.toMatchObject({ code: 'vault/wrong-password-or-tampered' });
  });

  it('detects a flip in every byte of ciphertext and tag', async () => {
    const vault = await encryptVault({ vaultKey, plaintext });
    const length = vault.ciphertext.length / 2;
    for (let index = 0; index < length; index++) {
      const tampered: Vault = { ...vault, ciphertext: flipByte(vault.ciphertext, index) };
      await expect(
        decryptVault({ vault: tampered, key: vaultKey.key }),
        `byte ${index}`,
      ).rejects.toThrow(VaultWrongPasswordOrTamperedError);
    }
  });

  it('detects a flip in every byte of the IV and the salt', async () => {
    const vault = await encryptVault({ vaultKey, plaintext });
    for (let index = 0; index < 12; index++) {
      const tampered: Vault = {
        ...vault,
        cipher: { ...vault.cipher, iv: flipByte(vault.cipher.iv, index) },
      };
      await expect(decryptVault({ vault: tampered, key: vaultKey.key })).rejects.toThrow(
        VaultWrongPasswordOrTamperedError,
      );
    }
    for (let index = 0; index < 32; index++) {
      const tampered: Vault = {
        ...vault,
        kdf: { ...vault.kdf, salt: flipByte(vault.kdf.salt, index) },
      };
      await expect(decryptVault({ vault: tampered, key: vaultKey.key })).rejects.toThrow(
        VaultWrongPasswordOrTamperedError,
      );
    }
  });

  // The key is passed in unchanged here, so only the authenticated header can catch these.
  it.each<[string, Partial<Vault['kdf']>]>([
    ['N lowered', { N: 2 ** 16 }],
    ['N raised', { N: 2 ** 18 }],
    ['r changed', { r: 16 }],
    ['p changed', { p: 2 }],
  ])('detects header parameters swapped under the same key (%s)', async (_label, kdf) => {
    const vault = await encryptVault({ vaultKey, plaintext });
    const tampered: Vault = { ...vault, kdf: { ...vault.kdf, ...kdf } };
    await expect(decryptVault({ vault: tampered, key: vaultKey.key })).rejects.toThrow(
      VaultWrongPasswordOrTamperedError,
    );
  });

  it('detects truncation and extension of the ciphertext', async () => {
    const vault = await encryptVault({ vaultKey, plaintext });
    for (const ciphertext of [
      vault.ciphertext.slice(0, -2),
      vault.ciphertext.slice(2),
      vault.ciphertext.slice(0, 32),
      `${vault.ciphertext}00`,
    ]) {
      await expect(
        decryptVault({ vault: { ...vault, ciphertext }, key: vaultKey.key }),
      ).rejects.toThrow(VaultWrongPasswordOrTamperedError);
    }
  });

  it('refuses a key that is not 32 bytes', async () => {
    const vault = await encryptVault({ vaultKey, plaintext });
    await expect(decryptVault({ vault, key: new Uint8Array(31) })).rejects.toThrow(
      VaultInvalidArgumentError,
    );
  });
});

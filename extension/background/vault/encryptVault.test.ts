import { describe, expect, it } from 'vitest';
import type { VaultKey } from './Vault.ts';
import { decryptVault } from './decryptVault.ts';
import { encryptVault } from './encryptVault.ts';
import { VaultInvalidArgumentError } from './errors.ts';
import { parseVault } from './parseVault.ts';

const vaultKey: VaultKey = {
  kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, dkLen: 32, salt: '11'.repeat(32) },
  key: new Uint8Array(32).fill(7),
};
const plaintext = new TextEncoder().encode('{"keyring":"secret"}');

describe('encryptVault', () => {
  it('writes a well-formed vault that decrypts back to the plaintext', async () => {
    const vault = await encryptVault({ vaultKey, plaintext });
    expect(parseVault({ input: JSON.parse(JSON.stringify(vault)) })).toEqual(vault);
    expect(vault.kdf).toEqual(vaultKey.kdf);
    expect(vault.ciphertext).toHaveLength(2 * (plaintext.length + 16));
    expect(await decryptVault({ vault, key: vaultKey.key })).toEqual(plaintext);
  });

  it('draws a fresh IV on every write with the same key', async () => {
    const ivs = new Set<string>();
    const ciphertexts = new Set<string>();
    for (let write = 0; write < 50; write++) {
      const vault = await encryptVault({ vaultKey, plaintext });
      ivs.add(vault.cipher.iv);
      ciphertexts.add(vault.ciphertext);
    }
    expect(ivs.size).toBe(50);
    expect(ciphertexts.size).toBe(50);
  });

  it('encrypts an empty plaintext to just the tag', async () => {
    const vault = await encryptVault({ vaultKey, plaintext: new Uint8Array(0) });
    expect(vault.ciphertext).toHaveLength(32);
    expect(await decryptVault({ vault, key: vaultKey.key })).toEqual(new Uint8Array(0));
  });

  it.each([
    ['a 16-byte key', { vaultKey: { ...vaultKey, key: new Uint8Array(16) }, plaintext }],
    ['a string plaintext', { vaultKey, plaintext: 'secret' as unknown as Uint8Array }],
    ['a broken random source', { vaultKey, plaintext, randomBytes: () => new Uint8Array(4) }],
  ])('refuses %s', async (_label, parameters) => {
    await expect(encryptVault(parameters)).rejects.toThrow(VaultInvalidArgumentError);
  });
});

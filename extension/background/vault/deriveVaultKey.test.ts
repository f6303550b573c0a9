import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { VaultKdf } from './Vault.ts';
import { deriveVaultKey } from './deriveVaultKey.ts';
import { InvalidVaultPasswordError } from './errors.ts';

const asciiHex = (text: string) => bytesToHex(new TextEncoder().encode(text));
const scryptKdf = (salt: string, N: number, r: number, p: number): VaultKdf => ({
  name: 'scrypt',
  N,
  r,
  p,
  dkLen: 32,
  salt: asciiHex(salt),
});

describe('deriveVaultKey', () => {
  // RFC 7914 §12, vectors 2 and 3; scrypt's output is a PBKDF2 stream, so 32 bytes are a prefix.
  it.each([
    [
      'password',
      'NaCl',
      1024,
      8,
      16,
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162',
    ],
    [
      'pleaseletmein',
      'SodiumChloride',
      16384,
      8,
      1,
      '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2',
    ],
  ])('matches RFC 7914 for %j / %j', async (password, salt, N, r, p, expected) => {
    const { key, kdf } = await deriveVaultKey({ password, kdf: scryptKdf(salt, N, r, p) });
    expect(bytesToHex(key)).toBe(expected);
    expect(kdf).toEqual(scryptKdf(salt, N, r, p));
  });

  it('derives the same key from canonically equivalent passwords (NFC)', async () => {
    const kdf = scryptKdf('salt-salt-salt-salt', 16, 8, 1);
    const composed = await deriveVaultKey({ password: 'caf\u00e9 crème', kdf });
    const decomposed = await deriveVaultKey({ password: 'cafe\u0301 cre\u0300me', kdf });
    expect(bytesToHex(decomposed.key)).toBe(bytesToHex(composed.key));
  });

  it.each([
    ['', 'it is empty'],
    ['a\uD800b', 'it contains invalid Unicode'],
    ['x'.repeat(1025), 'it is longer than 1024 characters'],
    [42, 'it is not text'],
  ])('refuses the password %j', async (password, reason) => {
    const derive = deriveVaultKey({
      password: password as string,
      kdf: scryptKdf('salt-salt-salt-salt', 16, 8, 1),
    });
    await expect(derive).rejects.toThrow(InvalidVaultPasswordError);
    await expect(derive).rejects.toMatchObject({ details: { reason } });
  });

  it('reports progress up to completion', async () => {
    const progress: number[] = [];
    await deriveVaultKey({
      password: 'correct horse',
      kdf: scryptKdf('salt-salt-salt-salt', 2 ** 12, 8, 1),
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
  });
});

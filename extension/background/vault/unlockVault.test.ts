import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { TpError } from '../../../shared/errors/TpError.ts';
import type { Vault, VaultKdfLimits } from './Vault.ts';
import { defaultVaultKdfLimits } from './Vault.ts';
import { createVault } from './createVault.ts';
import { VaultKdfOutOfBoundsError, VaultWrongPasswordOrTamperedError } from './errors.ts';
import goldenVault from './fixtures/golden-vault-v1.json' with { type: 'json' };
import { unlockVault } from './unlockVault.ts';

const testLimits: VaultKdfLimits = {
  minimum: { N: 2, r: 1, p: 1 },
  maximum: defaultVaultKdfLimits.maximum,
};
const password = 'correct horse battery';
const plaintext = new TextEncoder().encode('{"keyring":"secret","accounts":[1,2,3]}');

let sealed: Vault;
beforeAll(async () => {
  ({ vault: sealed } = await createVault({
    password,
    plaintext,
    params: { N: 2 ** 4, r: 8, p: 1 },
    limits: testLimits,
  }));
});

const flipByte = (hex: string, index: number): string => {
  const bytes = hexToBytes(hex);
  bytes[index] = (bytes[index] ?? 0) ^ 0x80;
  return bytesToHex(bytes);
};

describe('unlockVault', () => {
  it('opens the vault written by version 1 of this code (format stays readable)', async () => {
    const { plaintext: opened, vault } = await unlockVault({
      stored: goldenVault,
      password: 'golden vault password',
      limits: testLimits,
    });
    expect(new TextDecoder().decode(opened)).toBe('{"hello":"vault v1"}');
    expect(vault).toEqual(goldenVault);
  });

  it('refuses the wrong password with the typed error', async () => {
    const unlock = unlockVault({
      stored: sealed,
      password: 'wrong horse battery',
      limits: testLimits,
    });
    await expect(unlock).rejects.toThrow(VaultWrongPasswordOrTamperedError);
  });

  it('refuses weak stored parameters with the production limits, before deriving anything', async () => {
    let progressCalls = 0;
    const unlock = unlockVault({ stored: sealed, password, onProgress: () => progressCalls++ });
    await expect(unlock).rejects.toThrow(VaultKdfOutOfBoundsError);
    expect(progressCalls).toBe(0);
  });

  it.each<[string, (vault: Vault) => unknown, string]>([
    [
      'a flipped salt byte',
      (v) => ({ ...v, kdf: { ...v.kdf, salt: flipByte(v.kdf.salt, 5) } }),
      'vault/wrong-password-or-tampered',
    ],
    [
      'a raised N',
      (v) => ({ ...v, kdf: { ...v.kdf, N: 2 ** 5 } }),
      'vault/wrong-password-or-tampered',
    ],
    ['a changed r', (v) => ({ ...v, kdf: { ...v.kdf, r: 4 } }), 'vault/wrong-password-or-tampered'],
    ['a changed p', (v) => ({ ...v, kdf: { ...v.kdf, p: 2 } }), 'vault/wrong-password-or-tampered'],
    [
      'a flipped IV byte',
      (v) => ({ ...v, cipher: { ...v.cipher, iv: flipByte(v.cipher.iv, 0) } }),
      'vault/wrong-password-or-tampered',
    ],
    [
      'a flipped ciphertext byte',
      (v) => ({ ...v, ciphertext: flipByte(v.ciphertext, 3) }),
      'vault/wrong-password-or-tampered',
    ],
    [
      'a flipped tag byte',
      (v) => ({ ...v, ciphertext: flipByte(v.ciphertext, v.ciphertext.length / 2 - 1) }),
      'vault/wrong-password-or-tampered',
    ],
    [
      'a truncated ciphertext',
      (v) => ({ ...v, ciphertext: v.ciphertext.slice(0, -8) }),
      'vault/wrong-password-or-tampered',
    ],
    [
      'a ciphertext cut below the tag',
      (v) => ({ ...v, ciphertext: v.ciphertext.slice(0, 30) }),
      'vault/corrupt',
    ],
    ['a truncated JSON text', (v) => JSON.stringify(v).slice(0, -1), 'vault/corrupt'],
    ['a missing cipher', ({ cipher: _cipher, ...rest }) => rest, 'vault/corrupt'],
  ])('refuses %s with a typed error', async (_label, tamper, code) => {
    await expect(
      unlockVault({ stored: tamper(sealed), password, limits: testLimits }),
    ).rejects.toMatchObject({ code });
  });

  it('never resolves for a mutated vault, and always rejects with a vault TpError', async () => {
    const text = JSON.stringify(sealed);
    const mutation = fc.oneof(
      fc.nat({ max: text.length - 1 }).map((end) => text.slice(0, end)),
      fc
        .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 0, max: 6 }))
        .map(
          ([at, bit]) =>
            text.slice(0, at) +
            String.fromCharCode(text.charCodeAt(at) ^ (1 << bit)) +
            text.slice(at + 1),
        ),
      fc.jsonValue().map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (stored) => {
        fc.pre(stored !== text);
        let result: unknown;
        try {
          result = await unlockVault({ stored, password, limits: testLimits });
        } catch (error) {
          expect(error).toBeInstanceOf(TpError);
          expect((error as TpError).code).toMatch(/^vault\//);
          return;
        }
        // Only a mutation that keeps the same meaning (JSON whitespace, escapes) may open it.
        expect((result as { plaintext: Uint8Array }).plaintext).toEqual(plaintext);
        expect((result as { vault: Vault }).vault).toEqual(sealed);
      }),
      { numRuns: 500 },
    );
  });
});

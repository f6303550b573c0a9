import { describe, expect, it } from 'vitest';
import type { Vault } from './Vault.ts';
import { defaultScryptParams } from './Vault.ts';
import { needsUpgrade } from './needsUpgrade.ts';

const vaultWith = (N: number, r: number, p: number): Vault => ({
  version: 1,
  kdf: { name: 'scrypt', N, r, p, dkLen: 32, salt: 'ab'.repeat(32) },
  cipher: { name: 'aes-256-gcm', iv: 'cd'.repeat(12) },
  ciphertext: 'ef'.repeat(20),
});

describe('needsUpgrade', () => {
  it('is false for a vault at the current parameters or stronger', () => {
    expect(needsUpgrade(vaultWith(2 ** 17, 8, 1), defaultScryptParams)).toBe(false);
    expect(needsUpgrade(vaultWith(2 ** 18, 8, 2), defaultScryptParams)).toBe(false);
  });

  it.each([
    [2 ** 17, 8, 1, { N: 2 ** 18, r: 8, p: 1 }],
    [2 ** 18, 8, 1, { N: 2 ** 18, r: 16, p: 1 }],
    [2 ** 18, 16, 1, { N: 2 ** 18, r: 16, p: 2 }],
  ])('is true once new vaults use more work (N=%i, r=%i, p=%i)', (N, r, p, current) => {
    expect(needsUpgrade(vaultWith(N, r, p), current)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { VaultKdfLimits } from './Vault.ts';
import { defaultScryptParams, defaultVaultKdfLimits } from './Vault.ts';
import { createVault } from './createVault.ts';
import { InvalidVaultPasswordError, VaultKdfOutOfBoundsError } from './errors.ts';
import { unlockVault } from './unlockVault.ts';

const testLimits: VaultKdfLimits = {
  minimum: { N: 2, r: 1, p: 1 },
  maximum: defaultVaultKdfLimits.maximum,
};
const testParams = { N: 2 ** 4, r: 8, p: 1 };
const plaintext = new TextEncoder().encode('{"keyring":"secret"}');

describe('createVault', () => {
  it('seals the plaintext so that the same password opens it', async () => {
    const { vault, vaultKey } = await createVault({
      password: 'correct horse battery',
      plaintext,
      params: testParams,
      limits: testLimits,
    });
    expect(vault.kdf).toMatchObject({ name: 'scrypt', ...testParams, dkLen: 32 });
    expect(vault.kdf.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(vaultKey.kdf).toEqual(vault.kdf);
    const opened = await unlockVault({
      stored: vault,
      password: 'correct horse battery',
      limits: testLimits,
    });
    expect(opened.plaintext).toEqual(plaintext);
    expect(opened.vaultKey.key).toEqual(vaultKey.key);
  });

  it('draws a fresh salt each time, so the same password gives a different key', async () => {
    const create = () =>
      createVault({
        password: 'correct horse battery',
        plaintext,
        params: testParams,
        limits: testLimits,
      });
    const [first, second] = await Promise.all([create(), create()]);
    expect(first.vault.kdf.salt).not.toBe(second.vault.kdf.salt);
    expect(first.vaultKey.key).not.toEqual(second.vaultKey.key);
  });

  it('refuses parameters below the production minimum unless test limits are injected', async () => {
    await expect(
      createVault({ password: 'correct horse battery', plaintext, params: testParams }),
    ).rejects.toThrow(VaultKdfOutOfBoundsError);
  });

  it('refuses a new password shorter than 8 characters', async () => {
    const create = createVault({
      password: 'seven77',
      plaintext,
      params: testParams,
      limits: testLimits,
    });
    await expect(create).rejects.toThrow(InvalidVaultPasswordError);
  });

  it('creates and opens a vault at full strength (scrypt N=2^17, r=8, p=1: 128 MiB)', async () => {
    const started = performance.now();
    const { vault } = await createVault({ password: 'correct horse battery', plaintext });
    const created = performance.now();
    const opened = await unlockVault({
      stored: JSON.parse(JSON.stringify(vault)),
      password: 'correct horse battery',
    });
    const unlocked = performance.now();
    expect(vault.kdf).toMatchObject(defaultScryptParams);
    expect(opened.plaintext).toEqual(plaintext);
    console.info(
      `full-strength scrypt in Node: create ${(created - started).toFixed(0)} ms, ` +
        `unlock ${(unlocked - created).toFixed(0)} ms`,
    );
  }, 20_000);
});

import { describe, expect, it } from 'vitest';
import type { VaultKdfLimits } from './Vault.ts';
import { defaultVaultKdfLimits } from './Vault.ts';
import { changeVaultPassword } from './changeVaultPassword.ts';
import { createVault } from './createVault.ts';
import { VaultWrongPasswordOrTamperedError } from './errors.ts';
import { unlockVault } from './unlockVault.ts';

const testLimits: VaultKdfLimits = {
  minimum: { N: 2, r: 1, p: 1 },
  maximum: defaultVaultKdfLimits.maximum,
};
const plaintext = new TextEncoder().encode('{"keyring":"secret"}');

describe('changeVaultPassword', () => {
  it('re-encrypts under the new password with a new salt and the new parameters', async () => {
    const { vault: old } = await createVault({
      password: 'old password 1',
      plaintext,
      params: { N: 2 ** 4, r: 8, p: 1 },
      limits: testLimits,
    });
    const { vault } = await changeVaultPassword({
      stored: old,
      oldPassword: 'old password 1',
      newPassword: 'new password 2',
      params: { N: 2 ** 5, r: 8, p: 1 },
      limits: testLimits,
    });
    expect(vault.kdf.salt).not.toBe(old.kdf.salt);
    expect(vault.kdf.N).toBe(2 ** 5);
    const opened = await unlockVault({
      stored: vault,
      password: 'new password 2',
      limits: testLimits,
    });
    expect(opened.plaintext).toEqual(plaintext);
    await expect(
      unlockVault({ stored: vault, password: 'old password 1', limits: testLimits }),
    ).rejects.toThrow(VaultWrongPasswordOrTamperedError);
  });

  it('refuses to change anything when the old password is wrong', async () => {
    const { vault } = await createVault({
      password: 'old password 1',
      plaintext,
      params: { N: 2 ** 4, r: 8, p: 1 },
      limits: testLimits,
    });
    const change = changeVaultPassword({
      stored: vault,
      oldPassword: 'not the password',
      newPassword: 'new password 2',
      limits: testLimits,
    });
    await expect(change).rejects.toThrow(VaultWrongPasswordOrTamperedError);
  });
});

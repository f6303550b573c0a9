import { describe, expect, it } from 'vitest';
import type { KeyringState } from './KeyringState.ts';
import { addAccount } from './addAccount.ts';
import { createKeyring } from './createKeyring.ts';
import { deriveAccountPrivateKey } from './deriveAccountPrivateKey.ts';
import { KeyringInconsistentError, UnknownAccountError } from './errors.ts';
import { importPrivateKey } from './importPrivateKey.ts';

const key9 = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6';

const keyring = async (): Promise<KeyringState> => {
  const created = await createKeyring({
    mnemonic: {
      phrase: 'test test test test test test test test test test test junk',
      language: 'en',
    },
  });
  const { state } = await addAccount({ state: created });
  return importPrivateKey({ state, privateKey: key9 }).state;
};

describe('deriveAccountPrivateKey', () => {
  it('gives the key of a derived account and of an imported one', async () => {
    const state = await keyring();
    await expect(
      deriveAccountPrivateKey({ state, address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }),
    ).resolves.toBe('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
    await expect(
      deriveAccountPrivateKey({ state, address: '0xa0ee7a142d267c1f36714e4a8f75612f20a79720' }),
    ).resolves.toBe(key9);
  });

  it('refuses an address the keyring does not hold', async () => {
    const state = await keyring();
    await expect(
      deriveAccountPrivateKey({ state, address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' }),
    ).rejects.toThrow(UnknownAccountError);
  });

  it('refuses to hand out a key that does not match the stored address', async () => {
    const state = await keyring();
    const swapped: KeyringState = {
      ...state,
      accounts: state.accounts.map((account) =>
        account.index === 1 && account.kind === 'hd' ? { ...account, index: 0 } : account,
      ),
    };
    await expect(
      deriveAccountPrivateKey({
        state: swapped,
        address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      }),
    ).rejects.toThrow(KeyringInconsistentError);
  });

  it('serves a key derived before from memory, still checked against the stored address', async () => {
    const state = await keyring();
    const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
    const first = await deriveAccountPrivateKey({ state, address });
    await expect(deriveAccountPrivateKey({ state, address })).resolves.toBe(first);
    // Same phrase object (so the kept key is found), account 1 now pointing at index 0.
    const swapped: KeyringState = {
      ...state,
      accounts: state.accounts.map((account) =>
        account.index === 1 && account.kind === 'hd' ? { ...account, index: 0 } : account,
      ),
    };
    await deriveAccountPrivateKey({ state, address: state.accounts[0]?.address ?? '' });
    await expect(deriveAccountPrivateKey({ state: swapped, address })).rejects.toThrow(
      KeyringInconsistentError,
    );
  });
});

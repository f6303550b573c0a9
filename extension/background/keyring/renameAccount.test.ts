import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyringState } from './KeyringState.ts';
import { createKeyring } from './createKeyring.ts';
import { InvalidAccountNameError, UnknownAccountError } from './errors.ts';
import { renameAccount } from './renameAccount.ts';

const address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
let state: KeyringState;
beforeAll(async () => {
  state = await createKeyring({
    mnemonic: {
      phrase: 'test test test test test test test test test test test junk',
      language: 'en',
    },
  });
});

describe('renameAccount', () => {
  it('renames the account, found in any letter case, into a new state', () => {
    const renamed = renameAccount({ state, address: address.toLowerCase(), name: ' Café ' });
    expect(renamed.accounts[0]?.name).toBe('Café');
    expect(state.accounts[0]?.name).toBe('Account 1');
  });

  it('refuses an unknown account and an unusable name', () => {
    expect(() =>
      renameAccount({ state, address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', name: 'x' }),
    ).toThrow(UnknownAccountError);
    expect(() => renameAccount({ state, address, name: 'evil\u202Ename' })).toThrow(
      InvalidAccountNameError,
    );
  });
});

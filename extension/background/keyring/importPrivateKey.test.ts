import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyringState } from './KeyringState.ts';
import { createKeyring } from './createKeyring.ts';
import { DuplicateAccountError, InvalidPrivateKeyError } from './errors.ts';
import { importPrivateKey } from './importPrivateKey.ts';

/** Hardhat's account 9, not derived by a one-account keyring. */
const key9 = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6';
const address9 = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';

let state: KeyringState;
beforeAll(async () => {
  state = await createKeyring({
    mnemonic: {
      phrase: 'test test test test test test test test test test test junk',
      language: 'en',
    },
  });
});

describe('importPrivateKey', () => {
  it('adds the key as a separate account with its EIP-55 address', () => {
    const imported = importPrivateKey({ state, privateKey: key9.slice(2).toUpperCase() });
    expect(imported.account).toEqual({
      address: address9,
      kind: 'imported',
      index: 0,
      name: 'Imported 1',
      isHidden: false,
    });
    expect(imported.state.importedKeys).toEqual([key9]);
    expect(imported.state.accounts.at(-1)).toEqual(imported.account);
    expect(state.importedKeys).toEqual([]);
  });

  it('refuses the same key twice, in any spelling', () => {
    const { state: once } = importPrivateKey({ state, privateKey: key9, name: 'Cold' });
    expect(() =>
      importPrivateKey({ state: once, privateKey: ` ${key9.toUpperCase().replace('0X', '0x')} ` }),
    ).toThrow(DuplicateAccountError);
  });

  it('refuses the key of an account derived from the phrase', () => {
    expect(() =>
      importPrivateKey({
        state,
        privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
      }),
    ).toThrow(DuplicateAccountError);
  });

  it('refuses what is not a private key', () => {
    expect(() => importPrivateKey({ state, privateKey: '0x1234' })).toThrow(InvalidPrivateKeyError);
    expect(() => importPrivateKey({ state, privateKey: `0x${'0'.repeat(64)}` })).toThrow(
      InvalidPrivateKeyError,
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyringState } from './KeyringState.ts';
import { addAccount } from './addAccount.ts';
import { createKeyring } from './createKeyring.ts';
import { LastVisibleAccountError, UnknownAccountError } from './errors.ts';
import { hideAccount } from './hideAccount.ts';

const first = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const second = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
let state: KeyringState;
beforeAll(async () => {
  const created = await createKeyring({
    mnemonic: {
      phrase: 'test test test test test test test test test test test junk',
      language: 'en',
    },
  });
  ({ state } = await addAccount({ state: created }));
});

describe('hideAccount', () => {
  it('hides an account and shows it again', () => {
    const hidden = hideAccount({ state, address: second });
    expect(hidden.accounts[1]?.isHidden).toBe(true);
    expect(
      hideAccount({ state: hidden, address: second, isHidden: false }).accounts[1]?.isHidden,
    ).toBe(false);
  });

  it('refuses to hide the last visible account', () => {
    const hidden = hideAccount({ state, address: second });
    expect(() => hideAccount({ state: hidden, address: first })).toThrow(LastVisibleAccountError);
    expect(hideAccount({ state: hidden, address: second }).accounts[1]?.isHidden).toBe(true);
  });

  it('refuses an address that is not an account or not an address', () => {
    expect(() =>
      hideAccount({ state, address: '0x0000000000000000000000000000000000000001' }),
    ).toThrow(UnknownAccountError);
    expect(() => hideAccount({ state, address: 'not an address' })).toThrow(UnknownAccountError);
  });
});

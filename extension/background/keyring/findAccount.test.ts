import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyringState } from './KeyringState.ts';
import { createKeyring } from './createKeyring.ts';
import { UnknownAccountError } from './errors.ts';
import { findAccount } from './findAccount.ts';

let state: KeyringState;
beforeAll(async () => {
  state = await createKeyring({
    mnemonic: {
      phrase: 'test test test test test test test test test test test junk',
      language: 'en',
    },
  });
});

describe('findAccount', () => {
  it('finds an account by address in any letter case', () => {
    for (const address of [
      '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
      '0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266',
    ])
      expect(findAccount(state, address).position).toBe(0);
  });

  it.each([
    '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb9226',
    '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    42,
  ])('refuses %j', (address) => {
    expect(() => findAccount(state, address as string)).toThrow(UnknownAccountError);
  });
});

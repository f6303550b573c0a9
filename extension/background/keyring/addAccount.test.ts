import { describe, expect, it } from 'vitest';
import type { KeyringState } from './KeyringState.ts';
import { addAccount } from './addAccount.ts';
import { createKeyring } from './createKeyring.ts';
import { AccountLimitError, DuplicateAccountError, InvalidAccountNameError } from './errors.ts';
import { importPrivateKey } from './importPrivateKey.ts';

const mnemonic = {
  phrase: 'test test test test test test test test test test test junk',
  language: 'en',
} as const;

describe('addAccount', () => {
  it('derives the next Hardhat accounts in order, leaving the old state untouched', async () => {
    const first = await createKeyring({ mnemonic });
    const second = await addAccount({ state: first });
    const third = await addAccount({ state: second.state, name: '  Savings ' });
    expect(second.account).toEqual({
      address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      kind: 'hd',
      index: 1,
      name: 'Account 2',
      isHidden: false,
    });
    expect(third.account).toMatchObject({
      address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
      name: 'Savings',
    });
    expect(third.state.hdAccountCount).toBe(3);
    expect(third.state.accounts.map((account) => account.index)).toEqual([0, 1, 2]);
    expect(first.hdAccountCount).toBe(1);
    expect(first.accounts).toHaveLength(1);
  });

  it('refuses the next HD account when its key was imported before', async () => {
    const { state } = importPrivateKey({
      state: await createKeyring({ mnemonic }),
      privateKey: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
    });
    await expect(addAccount({ state })).rejects.toThrow(DuplicateAccountError);
  });

  it('refuses a bad name and the 1001st account', async () => {
    const state = await createKeyring({ mnemonic });
    await expect(addAccount({ state, name: ' ' })).rejects.toThrow(InvalidAccountNameError);
    const full: KeyringState = { ...state, hdAccountCount: 1000 };
    await expect(addAccount({ state: full })).rejects.toThrow(AccountLimitError);
  });
});

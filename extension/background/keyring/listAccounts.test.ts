import { describe, expect, it } from 'vitest';
import { addAccount } from './addAccount.ts';
import { createKeyring } from './createKeyring.ts';
import { hideAccount } from './hideAccount.ts';
import { importPrivateKey } from './importPrivateKey.ts';
import { listAccounts } from './listAccounts.ts';

describe('listAccounts', () => {
  it('lists visible accounts in order, with public fields only', async () => {
    const created = await createKeyring({
      mnemonic: {
        phrase: 'test test test test test test test test test test test junk',
        language: 'en',
      },
    });
    const { state: two } = await addAccount({ state: created });
    const { state: three } = importPrivateKey({
      state: two,
      privateKey: '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6',
    });
    const state = hideAccount({
      state: three,
      address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    });

    const visible = listAccounts({ state });
    expect(visible.map((account) => account.name)).toEqual(['Account 1', 'Imported 1']);
    expect(listAccounts({ state, includeHidden: true }).map((account) => account.isHidden)).toEqual(
      [false, true, false],
    );
    const serialized = JSON.stringify(listAccounts({ state, includeHidden: true }));
    expect(serialized).not.toContain('2a871d07');
    expect(serialized).not.toContain('junk');
  });
});

import { describe, expect, it } from 'vitest';
import { createVault } from '../vault/createVault.ts';
import { unlockVault } from '../vault/unlockVault.ts';
import { addAccount } from './addAccount.ts';
import { createKeyring } from './createKeyring.ts';
import { createMnemonic } from './createMnemonic.ts';
import { hideAccount } from './hideAccount.ts';
import { importPrivateKey } from './importPrivateKey.ts';
import { parseKeyring } from './parseKeyring.ts';
import { renameAccount } from './renameAccount.ts';
import { serializeKeyring } from './serializeKeyring.ts';

const busyKeyring = async () => {
  const created = await createKeyring({
    mnemonic: createMnemonic({ language: 'ja', wordCount: 24 }),
  });
  const { state: two } = await addAccount({ state: created, name: '貯金' });
  const { state: three, account } = importPrivateKey({
    state: two,
    privateKey: '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6',
  });
  return hideAccount({
    state: renameAccount({ state: three, address: account.address, name: 'Cold' }),
    address: account.address,
  });
};

describe('serializeKeyring', () => {
  it('writes versioned JSON that parseKeyring reads back equal', async () => {
    const state = await busyKeyring();
    const text = serializeKeyring(state);
    expect(JSON.parse(text)).toMatchObject({ version: 1, hdAccountCount: 2 });
    await expect(parseKeyring(text)).resolves.toEqual(state);
  });

  it('survives a trip through the vault', async () => {
    const state = await busyKeyring();
    const { vault } = await createVault({
      password: 'correct horse battery',
      plaintext: new TextEncoder().encode(serializeKeyring(state)),
      params: { N: 2 ** 4, r: 8, p: 1 },
      limits: {
        minimum: { N: 2, r: 1, p: 1 },
        maximum: { N: 2 ** 19, r: 16, p: 4, memoryBytes: 2 ** 29 },
      },
    });
    const { plaintext } = await unlockVault({
      stored: JSON.parse(JSON.stringify(vault)),
      password: 'correct horse battery',
      limits: {
        minimum: { N: 2, r: 1, p: 1 },
        maximum: { N: 2 ** 19, r: 16, p: 4, memoryBytes: 2 ** 29 },
      },
    });
    await expect(parseKeyring(new TextDecoder().decode(plaintext))).resolves.toEqual(state);
  });
});

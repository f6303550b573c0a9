import { describe, expect, it } from 'vitest';
import { createKeyring } from './createKeyring.ts';
import { InvalidMnemonicChecksumError } from './errors.ts';

const hardhatMnemonic = 'test test test test test test test test test test test junk';

describe('createKeyring', () => {
  it('starts with the first account of the phrase, named "Account 1"', async () => {
    const state = await createKeyring({ mnemonic: { phrase: hardhatMnemonic, language: 'en' } });
    expect(state).toEqual({
      mnemonic: { phrase: hardhatMnemonic, language: 'en' },
      hdAccountCount: 1,
      importedKeys: [],
      accounts: [
        {
          address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
          kind: 'hd',
          index: 0,
          name: 'Account 1',
          isHidden: false,
        },
      ],
    });
  });

  it('stores the canonical phrase, whatever spacing and case it was given in', async () => {
    const state = await createKeyring({
      mnemonic: {
        phrase: ` TEST test test test test test test test test test test   junk\n`,
        language: 'en',
      },
    });
    expect(state.mnemonic.phrase).toBe(hardhatMnemonic);
  });

  it('refuses a phrase that does not check out', async () => {
    await expect(
      createKeyring({
        mnemonic: { phrase: hardhatMnemonic.replace('junk', 'test'), language: 'en' },
      }),
    ).rejects.toThrow(InvalidMnemonicChecksumError);
  });
});

/**
 * Assumes nothing about `mnemonic` (re-checked, so only a canonical phrase is ever stored).
 * A new keyring with the first account of the phrase, "Account 1".
 */
import { deriveHdAccount } from './deriveHdAccount.ts';
import { deriveMnemonicSeed } from './deriveMnemonicSeed.ts';
import { importMnemonic } from './importMnemonic.ts';
import type { ImportMnemonicErrorType } from './importMnemonic.ts';
import type { KeyringState } from './KeyringState.ts';
import type { Mnemonic } from './Mnemonic.ts';

export type CreateKeyringParameters = { mnemonic: Mnemonic };
export type CreateKeyringReturnType = KeyringState;
export type CreateKeyringErrorType = ImportMnemonicErrorType;

export async function createKeyring({
  mnemonic,
}: CreateKeyringParameters): Promise<CreateKeyringReturnType> {
  const checked = importMnemonic(mnemonic);
  const seed = await deriveMnemonicSeed({ phrase: checked.phrase });
  try {
    const { address } = deriveHdAccount({ seed, index: 0 });
    return {
      mnemonic: checked,
      hdAccountCount: 1,
      importedKeys: [],
      accounts: [{ address, kind: 'hd', index: 0, name: 'Account 1', isHidden: false }],
    };
  } finally {
    seed.fill(0);
  }
}

/**
 * Trusts `state` (from createKeyring, parseKeyring or another keyring operation). Derives the
 * next account of the recovery phrase; returns a new state, the old one is left untouched.
 */
import { deriveHdAccount } from './deriveHdAccount.ts';
import { deriveMnemonicSeed } from './deriveMnemonicSeed.ts';
import { maximumHdAccounts } from './KeyringState.ts';
import type { KeyringAccount, KeyringState } from './KeyringState.ts';
import { AccountLimitError, DuplicateAccountError } from './errors.ts';
import { normalizeAccountName } from './normalizeAccountName.ts';
import type { NormalizeAccountNameErrorType } from './normalizeAccountName.ts';

export type AddAccountParameters = { state: KeyringState; name?: string };
export type AddAccountReturnType = { state: KeyringState; account: KeyringAccount };
export type AddAccountErrorType =
  AccountLimitError | DuplicateAccountError | NormalizeAccountNameErrorType;

export async function addAccount({
  state,
  name,
}: AddAccountParameters): Promise<AddAccountReturnType> {
  const index = state.hdAccountCount;
  if (index >= maximumHdAccounts)
    throw new AccountLimitError({ kind: 'hd', limit: maximumHdAccounts });
  const accountName = normalizeAccountName(name ?? `Account ${index + 1}`);
  const seed = await deriveMnemonicSeed({ phrase: state.mnemonic.phrase });
  let address: KeyringAccount['address'];
  try {
    ({ address } = deriveHdAccount({ seed, index }));
  } finally {
    seed.fill(0);
  }
  // Someone imported this HD account's key earlier; two entries would sign with one key.
  if (state.accounts.some((account) => account.address === address))
    throw new DuplicateAccountError({ address });
  const account: KeyringAccount = {
    address,
    kind: 'hd',
    index,
    name: accountName,
    isHidden: false,
  };
  return {
    state: { ...state, hdAccountCount: index + 1, accounts: [...state.accounts, account] },
    account,
  };
}

/**
 * Trusts `state`; assumes nothing about `privateKey` (pasted by the user). Adds the key as a
 * separate account, refusing one whose address the wallet already has (imported or derived).
 */
import { privateKeyToAddress } from 'viem/accounts';
import { maximumImportedKeys } from './KeyringState.ts';
import type { KeyringAccount, KeyringState } from './KeyringState.ts';
import { AccountLimitError, DuplicateAccountError } from './errors.ts';
import { normalizeAccountName } from './normalizeAccountName.ts';
import type { NormalizeAccountNameErrorType } from './normalizeAccountName.ts';
import { parsePrivateKey } from './parsePrivateKey.ts';
import type { ParsePrivateKeyErrorType } from './parsePrivateKey.ts';

export type ImportPrivateKeyParameters = { state: KeyringState; privateKey: string; name?: string };
export type ImportPrivateKeyReturnType = { state: KeyringState; account: KeyringAccount };
export type ImportPrivateKeyErrorType =
  | ParsePrivateKeyErrorType
  | DuplicateAccountError
  | AccountLimitError
  | NormalizeAccountNameErrorType;

export function importPrivateKey({
  state,
  privateKey,
  name,
}: ImportPrivateKeyParameters): ImportPrivateKeyReturnType {
  const key = parsePrivateKey(privateKey);
  const index = state.importedKeys.length;
  if (index >= maximumImportedKeys)
    throw new AccountLimitError({ kind: 'imported', limit: maximumImportedKeys });
  const address = privateKeyToAddress(key);
  if (state.accounts.some((account) => account.address === address))
    throw new DuplicateAccountError({ address });
  const account: KeyringAccount = {
    address,
    kind: 'imported',
    index,
    name: normalizeAccountName(name ?? `Imported ${index + 1}`),
    isHidden: false,
  };
  return {
    state: {
      ...state,
      importedKeys: [...state.importedKeys, key],
      accounts: [...state.accounts, account],
    },
    account,
  };
}

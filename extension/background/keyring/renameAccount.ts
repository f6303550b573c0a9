/** Trusts `state`; assumes nothing about `address` or `name`. Returns a new state. */
import type { KeyringState } from './KeyringState.ts';
import { findAccount } from './findAccount.ts';
import type { FindAccountErrorType } from './findAccount.ts';
import { normalizeAccountName } from './normalizeAccountName.ts';
import type { NormalizeAccountNameErrorType } from './normalizeAccountName.ts';

export type RenameAccountParameters = { state: KeyringState; address: string; name: string };
export type RenameAccountReturnType = KeyringState;
export type RenameAccountErrorType = FindAccountErrorType | NormalizeAccountNameErrorType;

export function renameAccount({
  state,
  address,
  name,
}: RenameAccountParameters): RenameAccountReturnType {
  const { account, position } = findAccount(state, address);
  const accounts = state.accounts.with(position, { ...account, name: normalizeAccountName(name) });
  return { ...state, accounts };
}

/**
 * Trusts `state`; assumes nothing about `address`. Hides (or shows again) an account in lists
 * and to sites; its key stays in the keyring. The last visible account cannot be hidden.
 */
import type { KeyringState } from './KeyringState.ts';
import { LastVisibleAccountError } from './errors.ts';
import { findAccount } from './findAccount.ts';
import type { FindAccountErrorType } from './findAccount.ts';

export type HideAccountParameters = { state: KeyringState; address: string; isHidden?: boolean };
export type HideAccountReturnType = KeyringState;
export type HideAccountErrorType = FindAccountErrorType | LastVisibleAccountError;

export function hideAccount({
  state,
  address,
  isHidden = true,
}: HideAccountParameters): HideAccountReturnType {
  const { account, position } = findAccount(state, address);
  if (
    isHidden &&
    !account.isHidden &&
    state.accounts.every((other) => other === account || other.isHidden)
  )
    throw new LastVisibleAccountError({ address: account.address });
  const accounts = state.accounts.with(position, { ...account, isHidden });
  return { ...state, accounts };
}

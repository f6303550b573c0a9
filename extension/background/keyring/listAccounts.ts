/**
 * Trusts `state`. The accounts in display order, public data only (no key, no phrase): safe to
 * send to the UI. Hidden accounts are left out unless asked for (account settings).
 */
import type { KeyringAccount, KeyringState } from './KeyringState.ts';

export type ListAccountsParameters = { state: KeyringState; includeHidden?: boolean };
export type ListAccountsReturnType = KeyringAccount[];

export function listAccounts({
  state,
  includeHidden = false,
}: ListAccountsParameters): ListAccountsReturnType {
  return state.accounts
    .filter((account) => includeHidden || !account.isHidden)
    .map(({ address, kind, index, name, isHidden }) => ({ address, kind, index, name, isHidden }));
}

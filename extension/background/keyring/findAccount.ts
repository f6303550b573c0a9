/**
 * Assumes nothing about `address` (it may come from a UI message, in any letter case).
 * The position of the account in `state.accounts`, or UnknownAccountError.
 */
import { getAddress, isAddress } from 'viem';
import type { KeyringAccount, KeyringState } from './KeyringState.ts';
import { UnknownAccountError } from './errors.ts';

export type FindAccountReturnType = { account: KeyringAccount; position: number };
export type FindAccountErrorType = UnknownAccountError;

export function findAccount(state: KeyringState, address: string): FindAccountReturnType {
  if (typeof address !== 'string' || !isAddress(address, { strict: false }))
    throw new UnknownAccountError({ address });
  const wanted = getAddress(address);
  const position = state.accounts.findIndex((account) => account.address === wanted);
  const account = state.accounts[position];
  if (account === undefined) throw new UnknownAccountError({ address });
  return { account, position };
}

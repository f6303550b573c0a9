/**
 * For the service worker's signer only: the ESLint fence keeps UI, content and inpage code from
 * importing this folder, and no message handler may return its result. Trusts `state`; assumes
 * nothing about `address`. Re-derives the key and checks it still gives the stored address, so a
 * damaged or inconsistent keyring can never sign as the wrong account.
 */
import type { Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import type { KeyringState } from './KeyringState.ts';
import { deriveHdAccount } from './deriveHdAccount.ts';
import { deriveMnemonicSeed } from './deriveMnemonicSeed.ts';
import { KeyringInconsistentError } from './errors.ts';
import { findAccount } from './findAccount.ts';
import type { FindAccountErrorType } from './findAccount.ts';

export type DeriveAccountPrivateKeyParameters = { state: KeyringState; address: string };
export type DeriveAccountPrivateKeyReturnType = Hex;
export type DeriveAccountPrivateKeyErrorType = FindAccountErrorType | KeyringInconsistentError;

export async function deriveAccountPrivateKey({
  state,
  address,
}: DeriveAccountPrivateKeyParameters): Promise<DeriveAccountPrivateKeyReturnType> {
  const { account } = findAccount(state, address);
  let privateKey: Hex | undefined;
  if (account.kind === 'imported') {
    privateKey = state.importedKeys[account.index];
  } else {
    const seed = await deriveMnemonicSeed({ phrase: state.mnemonic.phrase });
    try {
      privateKey = deriveHdAccount({ seed, index: account.index }).privateKey;
    } finally {
      seed.fill(0);
    }
  }
  if (privateKey === undefined || privateKeyToAddress(privateKey) !== account.address)
    throw new KeyringInconsistentError({ address: account.address });
  return privateKey;
}

/**
 * For the service worker's signer only: the ESLint fence keeps UI, content and inpage code from
 * importing this folder, and no message handler may return its result. Trusts `state`; assumes
 * nothing about `address`. Derives the key and checks it gives the stored address, so a damaged
 * or inconsistent keyring can never sign as the wrong account.
 *
 * An HD key, once derived and checked, is kept beside the recovery phrase it comes from
 * (a WeakMap keyed by the unlocked keyring's `mnemonic` object): a site paying many times a
 * second would otherwise redo the seed, five BIP-32 steps and the address check (several
 * elliptic-curve multiplications) for every signature. This holds nothing the worker does not
 * already hold while unlocked (the phrase itself), and it goes with it: locking drops the
 * keyring, and with it the map's entry.
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

/** Per unlocked recovery phrase: HD index → the key and the address it was checked against. */
const derivedKeys = new WeakMap<object, Map<number, { privateKey: Hex; address: string }>>();

export async function deriveAccountPrivateKey({
  state,
  address,
}: DeriveAccountPrivateKeyParameters): Promise<DeriveAccountPrivateKeyReturnType> {
  const { account } = findAccount(state, address);
  let privateKey: Hex | undefined;
  if (account.kind === 'imported') {
    privateKey = state.importedKeys[account.index];
  } else {
    const known = derivedKeys.get(state.mnemonic)?.get(account.index);
    if (known !== undefined) {
      if (known.address !== account.address)
        throw new KeyringInconsistentError({ address: account.address });
      return known.privateKey;
    }
    const seed = await deriveMnemonicSeed({ phrase: state.mnemonic.phrase });
    try {
      privateKey = deriveHdAccount({ seed, index: account.index }).privateKey;
    } finally {
      seed.fill(0);
    }
    if (privateKeyToAddress(privateKey) !== account.address)
      throw new KeyringInconsistentError({ address: account.address });
    let keys = derivedKeys.get(state.mnemonic);
    if (keys === undefined) {
      keys = new Map();
      derivedKeys.set(state.mnemonic, keys);
    }
    keys.set(account.index, { privateKey, address: account.address });
    return privateKey;
  }
  if (privateKey === undefined || privateKeyToAddress(privateKey) !== account.address)
    throw new KeyringInconsistentError({ address: account.address });
  return privateKey;
}

import { privateKeyToAccount, mnemonicToAccount } from 'viem/accounts';
import type { Hex } from 'viem';

export type IsPublicDevKeyReturnType = boolean;

/** Hardhat's and Anvil's default accounts come from this published mnemonic. */
const publicTestMnemonic = 'test test test test test test test test test test test junk';
/** Hardhat funds the first 20; checking a few more costs nothing. */
const derivedAccounts = 30;
let publicAddresses: ReadonlySet<string> | undefined;

/**
 * Is this private key one of the public dev-chain keys (the "test … junk" mnemonic's first
 * accounts)? Anyone can sign with those, so they must never hold anything of value: the sandbox
 * refuses them on any chain but the local dev chain.
 */
export function isPublicDevKey(privateKey: Hex): IsPublicDevKeyReturnType {
  publicAddresses ??= new Set(
    Array.from(
      { length: derivedAccounts },
      (_, addressIndex) => mnemonicToAccount(publicTestMnemonic, { addressIndex }).address,
    ),
  );
  return publicAddresses.has(privateKeyToAccount(privateKey).address);
}

/**
 * Trusts `seed` (deriveMnemonicSeed made it). The Ethereum account at m/44'/60'/0'/0/index:
 * its private key and its EIP-55 address (viem computes the address; no keccak of our own).
 */
import { bytesToHex } from 'viem';
import type { Address, Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { deriveHdKey } from './deriveHdKey.ts';
import { KeyringInvalidArgumentError } from './errors.ts';
import { hdAccountPath } from './hdAccountPath.ts';

export type DeriveHdAccountParameters = { seed: Uint8Array; index: number };
export type DeriveHdAccountReturnType = { address: Address; privateKey: Hex };
/** From deriveHdKey (seed) or hdAccountPath (index). */
export type DeriveHdAccountErrorType = KeyringInvalidArgumentError;

export function deriveHdAccount({
  seed,
  index,
}: DeriveHdAccountParameters): DeriveHdAccountReturnType {
  const node = deriveHdKey({ seed, path: hdAccountPath(index) });
  try {
    const secret = node.privateKey;
    // Cannot happen for a node derived from a seed; checked so the types need no cast.
    if (secret === null)
      throw new KeyringInvalidArgumentError({ argument: 'seed', expected: 'a private seed' });
    const privateKey = bytesToHex(secret);
    return { address: privateKeyToAddress(privateKey), privateKey };
  } finally {
    node.wipePrivateData();
  }
}

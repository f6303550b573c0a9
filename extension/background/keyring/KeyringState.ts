/**
 * The keyring: one recovery phrase, the number of accounts derived from it, imported private
 * keys, and per-account metadata. Lives only in the service worker and, encrypted, in the vault.
 * `accounts` caches each address (public) so listing needs no key; the signer re-derives and
 * compares before any use of a key (deriveAccountPrivateKey).
 */
import type { Address, Hex } from 'viem';
import type { Mnemonic } from './Mnemonic.ts';

export type KeyringAccount = {
  /** EIP-55 checksummed. */
  address: Address;
  /** `hd`: derived at m/44'/60'/0'/0/index. `imported`: importedKeys[index]. */
  kind: 'hd' | 'imported';
  index: number;
  name: string;
  isHidden: boolean;
};

export type KeyringState = {
  /** Secret. */
  mnemonic: Mnemonic;
  hdAccountCount: number;
  /** Secret. Canonical: lowercase hex with "0x". */
  importedKeys: readonly Hex[];
  /** In display order; exactly one entry per HD index and per imported key. */
  accounts: readonly KeyringAccount[];
};

/** The version of the serialized form inside the vault (serializeKeyring, parseKeyring). */
export const keyringDataVersion = 1;
export const maximumHdAccounts = 1000;
export const maximumImportedKeys = 1000;
export const maximumAccountNameLength = 64;

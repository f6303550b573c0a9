/**
 * Trusts `path` to be a BIP-32 path built by code (hdAccountPath); checks the seed's length.
 * BIP-32 derivation from a BIP-39 seed with @scure/bip32. The returned node holds a private
 * key: callers take what they need and wipe it.
 */
import { HDKey } from '@scure/bip32';
import { KeyringInvalidArgumentError } from './errors.ts';

export type DeriveHdKeyParameters = { seed: Uint8Array; path: string };
export type DeriveHdKeyReturnType = HDKey;
export type DeriveHdKeyErrorType = KeyringInvalidArgumentError;

export function deriveHdKey({ seed, path }: DeriveHdKeyParameters): DeriveHdKeyReturnType {
  // BIP-32 allows seeds of 128 to 512 bits.
  if (!(seed instanceof Uint8Array) || seed.length < 16 || seed.length > 64)
    throw new KeyringInvalidArgumentError({ argument: 'seed', expected: '16 to 64 bytes' });
  const root = HDKey.fromMasterSeed(seed);
  const node = root.derive(path);
  // derive('m') returns the root itself, which must then stay intact.
  if (node !== root) root.wipePrivateData();
  return node;
}

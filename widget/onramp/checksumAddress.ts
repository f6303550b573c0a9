import { keccak_256 } from '@noble/hashes/sha3.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { InvalidAddressError } from './InvalidAddressError.ts';

export type ChecksumAddressReturnType = string;
export type ChecksumAddressErrorType = InvalidAddressError;

/*
 * EIP-55: a hex digit of the address is upper case when the matching nibble of keccak-256 of the
 * lower-case hex (as text) is 8 or more. Wallets may answer in lower case; the provider takes
 * only checksummed addresses. In the on-ramp's lazy chunk, so the widget's entry stays small.
 */

/** `address` in its EIP-55 form; anything but 0x and 40 hex digits is refused. */
export function checksumAddress(address: string): ChecksumAddressReturnType {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new InvalidAddressError({ address });
  const lower = address.slice(2).toLowerCase();
  const hash = keccak_256(utf8ToBytes(lower));
  let result = '0x';
  for (let index = 0; index < 40; index += 1) {
    const byte = hash[index >> 1] ?? 0;
    const nibble = index % 2 === 0 ? byte >> 4 : byte & 0x0f;
    const character = lower[index] ?? '';
    result += nibble >= 8 ? character.toUpperCase() : character;
  }
  return result;
}

import { getAddress } from 'viem';

export type NormalizeAddressReturnType = string | undefined;

/**
 * The EIP-55 form of a 20-byte hex address written in any letter case, or `undefined` if it is
 * not one. Screening compares in this form and ignores case entirely (even a wrong mixed-case
 * checksum): for a deny list, a spelling must never be what lets an address through.
 */
export function normalizeAddress(text: string): NormalizeAddressReturnType {
  if (typeof text !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(text)) return undefined;
  return getAddress(text.toLowerCase());
}

import { getAddress } from 'viem';

/** The EIP-55 form of `address`; something that is not an address is returned as it came. */
export function checksumAddress(address: string): string {
  try {
    return getAddress(address);
  } catch {
    return address;
  }
}

import { checksumAddress } from './checksumAddress.ts';

/** `0x5aAeb6…eAed`: the EIP-55 checksummed address with its middle left out. */
export function shortenAddress(address: string): string {
  const checksummed = checksumAddress(address);
  return `${checksummed.slice(0, 6)}…${checksummed.slice(-4)}`;
}

/** The BIP-44 path of Ethereum account `index`: m/44'/60'/0'/0/index, as MetaMask and Hardhat use. */
import { KeyringInvalidArgumentError } from './errors.ts';

export type HdAccountPathErrorType = KeyringInvalidArgumentError;

export function hdAccountPath(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= 2 ** 31)
    throw new KeyringInvalidArgumentError({
      argument: 'index',
      expected: 'an integer from 0 to 2^31 - 1',
    });
  return `m/44'/60'/0'/0/${index}`;
}

import type { Address } from 'viem';
import type { Asset } from '../money/Asset.ts';

/**
 * Something a shopper can pay with: a coin on one chain. `address` is the ERC-20 contract, or
 * `null` for the chain's native coin (ETH), which moves as the transaction's value.
 */
export type ChainAsset = Asset & {
  readonly kind: 'crypto';
  readonly chainId: number;
  readonly name: string;
  readonly address: Address | null;
};

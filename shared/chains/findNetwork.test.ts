import { describe, expect, it } from 'vitest';
import { findNetwork } from './findNetwork.ts';
import type { Network } from './networks.ts';

describe('findNetwork', () => {
  it('finds a known network by chain id', () => {
    expect(findNetwork(8453)?.name).toBe('Base');
    expect(findNetwork(31337)?.rpcUrls).toEqual(['http://127.0.0.1:8545']);
  });

  it('answers undefined for a chain it was never told about', () => {
    expect(findNetwork(5)).toBeUndefined();
    expect(findNetwork(Number.NaN)).toBeUndefined();
  });

  it('searches the list it is given', () => {
    const added: Network = {
      chainId: 5,
      name: 'Added',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: ['https://rpc.example'],
      tokens: [],
    };
    expect(findNetwork(5, [added])).toBe(added);
    expect(findNetwork(1, [added])).toBeUndefined();
  });
});

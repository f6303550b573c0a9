import { describe, expect, it } from 'vitest';
import { assertAsset } from '../money/assertAsset.ts';
import { chainAssets } from './chainAssets.ts';
import { findChainAsset } from './findChainAsset.ts';

describe('findChainAsset', () => {
  it('finds the dev chain tokens with their contracts and decimals', () => {
    expect(findChainAsset({ chainId: 31337, symbol: 'USDC' })).toMatchObject({
      address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      decimals: 6,
    });
    expect(findChainAsset({ chainId: 31337, symbol: 'DAI' })?.decimals).toBe(18);
  });

  it('knows ETH on the dev chain as the native coin, without a contract', () => {
    expect(findChainAsset({ chainId: 31337, symbol: 'ETH' })).toMatchObject({
      address: null,
      decimals: 18,
    });
  });

  it('finds nothing for another chain or another spelling', () => {
    expect(findChainAsset({ chainId: 1, symbol: 'USDC' })).toBeUndefined();
    expect(findChainAsset({ chainId: 31337, symbol: 'usdc' })).toBeUndefined();
  });

  it('lists only well-formed crypto assets, each once per chain', () => {
    for (const asset of chainAssets) assertAsset(asset);
    const keys = chainAssets.map((asset) => `${asset.chainId}:${asset.symbol}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

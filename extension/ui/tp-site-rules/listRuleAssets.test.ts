import { describe, expect, it } from 'vitest';
import { listRuleAssets } from './listRuleAssets.ts';

describe('listRuleAssets', () => {
  it('lists each network’s coin and the wallet’s tokens, each once', () => {
    const assets = listRuleAssets({});
    const keys = assets.map((option) => option.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(assets).toContainEqual(
      expect.objectContaining({
        key: '31337:0x5fbdb2315678afecb367f032d93f642f64180aa3',
        symbol: 'USDC',
        chainId: 31337,
      }),
    );
    expect(assets).toContainEqual(
      expect.objectContaining({ key: '8453:native', symbol: 'ETH', networkName: 'Base' }),
    );
  });

  it('keeps an allowed asset no list has, named by its address', () => {
    const asset = '0x1111111111111111111111111111111111111111';
    expect(listRuleAssets({ allowedAssets: [{ chainId: 999, asset }] }).at(-1)).toEqual({
      key: `999:${asset}`,
      chainId: 999,
      asset,
      symbol: '0x1111…1111',
    });
  });
});

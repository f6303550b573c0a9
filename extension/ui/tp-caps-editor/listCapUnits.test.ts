import { describe, expect, it } from 'vitest';
import { devChainTokens } from '../../../shared/chains/devChainTokens.ts';
import { knownNetworks } from '../../../shared/chains/networks.ts';
import { listCapUnits } from './listCapUnits.ts';

describe('listCapUnits', () => {
  it('offers the wallet currency first, then every network’s coin and listed tokens', () => {
    const units = listCapUnits({ limits: [] });
    expect(units[0]).toEqual({ key: 'fiat', unit: { kind: 'fiat' } });
    const usdc = devChainTokens[0];
    expect(units).toContainEqual({
      key: `token:31337:${usdc?.address.toLowerCase()}`,
      unit: {
        kind: 'token',
        chainId: 31337,
        asset: usdc?.address,
        symbol: 'USDC',
        decimals: 6,
      },
      networkName: knownNetworks.find((network) => network.chainId === 31337)?.name,
    });
    expect(units.filter((option) => option.key === 'token:1:native')).toHaveLength(1);
  });

  it('keeps a token an existing cap counts in, even on a chain the wallet does not list', () => {
    const unit = {
      kind: 'token',
      chainId: 999,
      asset: '0x1111111111111111111111111111111111111111',
      symbol: 'ODD',
      decimals: 4,
    } as const;
    const units = listCapUnits({
      limits: [{ window: 'week', unit, amount: '1', whenExceeded: 'block' }],
    });
    expect(units.at(-1)).toEqual({ key: `token:999:${unit.asset}`, unit });
  });
});

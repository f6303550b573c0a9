import { describe, expect, it } from 'vitest';
import { devChainTokens } from '../../../shared/chains/devChainTokens.ts';
import { knownNetworks } from '../../../shared/chains/networks.ts';
import type { WalletNetworkView } from '../../../shared/protocol/walletUiMessages.ts';
import { listCapUnits } from './listCapUnits.ts';

const watchedToken = '0x2222222222222222222222222222222222222222';
const siteChainUsdc = '0x3333333333333333333333333333333333333333';
/** The wallet's networks as `getSite` gives them: a site added chain 7777 and watched tokens. */
const walletNetworks: readonly WalletNetworkView[] = [
  ...knownNetworks.map((network): WalletNetworkView =>
    network.chainId === 31337
      ? {
          ...network,
          tokens: [
            ...network.tokens,
            {
              address: watchedToken,
              symbol: 'USDC',
              name: 'USDC',
              decimals: 2,
              isAddedBySite: true,
            },
          ],
        }
      : network,
  ),
  {
    chainId: 7777,
    name: 'Site Chain',
    nativeCurrency: { name: 'SITE', symbol: 'SITE', decimals: 18 },
    tokens: [
      { address: siteChainUsdc, symbol: 'USDC', name: 'USDC', decimals: 6, isAddedBySite: true },
    ],
    isAddedBySite: true,
  },
];

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

  it('offers the coin and watched tokens of a network a site added, in their own decimals', () => {
    const units = listCapUnits({ limits: [], networks: walletNetworks });
    expect(units).toContainEqual({
      key: 'token:7777:native',
      unit: { kind: 'token', chainId: 7777, asset: 'native', symbol: 'SITE', decimals: 18 },
      networkName: 'Site Chain',
      isNetworkAddedBySite: true,
    });
    expect(units).toContainEqual({
      key: `token:7777:${siteChainUsdc}`,
      unit: { kind: 'token', chainId: 7777, asset: siteChainUsdc, symbol: 'USDC', decimals: 6 },
      networkName: 'Site Chain',
      isNetworkAddedBySite: true,
      isAddedBySite: true,
    });
  });

  it('keeps a token watched on a built-in network apart from the listed one with its symbol', () => {
    const usdc = listCapUnits({ limits: [], networks: walletNetworks }).filter(
      (option) =>
        option.unit.kind === 'token' &&
        option.unit.chainId === 31337 &&
        option.unit.symbol === 'USDC',
    );
    expect(usdc.map((option) => [option.key, option.isAddedBySite])).toEqual([
      [`token:31337:${devChainTokens[0]?.address.toLowerCase()}`, undefined],
      [`token:31337:${watchedToken}`, true],
    ]);
    expect(usdc[1]?.unit).toMatchObject({ decimals: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { knownNetworks } from '../../../shared/chains/networks.ts';
import type { WalletNetworkView } from '../../../shared/protocol/walletUiMessages.ts';
import { listRuleAssets } from './listRuleAssets.ts';

const ethereumUsdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const watchedUsdc = '0x2222222222222222222222222222222222222222';
const siteChainUsdc = '0x3333333333333333333333333333333333333333';
/** The wallet's networks as `getSite` gives them: a site added chain 7777 and watched tokens. */
const walletNetworks: readonly WalletNetworkView[] = [
  ...knownNetworks.map((network): WalletNetworkView =>
    network.chainId === 1
      ? {
          ...network,
          tokens: [
            ...network.tokens,
            {
              address: watchedUsdc,
              symbol: 'USDC',
              name: 'USDC',
              decimals: 6,
              isAddedBySite: true,
            },
          ],
        }
      : network,
  ),
  {
    chainId: 7777,
    name: 'Ethereum',
    nativeCurrency: { name: 'SITE', symbol: 'SITE', decimals: 18 },
    tokens: [
      { address: siteChainUsdc, symbol: 'USDC', name: 'USDC', decimals: 6, isAddedBySite: true },
    ],
    isAddedBySite: true,
  },
];

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

  it('offers a network a site added, with its coin and watched tokens, marked as the site’s', () => {
    const assets = listRuleAssets({ networks: walletNetworks });
    expect(assets).toContainEqual({
      key: '7777:native',
      chainId: 7777,
      asset: 'native',
      symbol: 'SITE',
      networkName: 'Ethereum',
      isNetworkAddedBySite: true,
    });
    expect(assets).toContainEqual({
      key: `7777:${siteChainUsdc}`,
      chainId: 7777,
      asset: siteChainUsdc,
      symbol: 'USDC',
      networkName: 'Ethereum',
      isNetworkAddedBySite: true,
      isAddedBySite: true,
    });
  });

  it('tells a watched USDC apart from the wallet’s own USDC, by chain and address', () => {
    const usdc = listRuleAssets({ networks: walletNetworks }).filter(
      (option) => option.symbol === 'USDC',
    );
    const ownOnEthereum = usdc.find((option) => option.asset === ethereumUsdc);
    expect(ownOnEthereum?.key).toBe(`1:${ethereumUsdc.toLowerCase()}`);
    expect(ownOnEthereum?.isAddedBySite).toBeUndefined();
    expect(usdc.find((option) => option.asset === watchedUsdc)).toMatchObject({
      key: `1:${watchedUsdc}`,
      isAddedBySite: true,
    });
    expect(new Set(usdc.map((option) => option.key)).size).toBe(usdc.length);
  });

  it('names an allowed asset on a network a site added by that network', () => {
    const asset = '0x4444444444444444444444444444444444444444';
    expect(
      listRuleAssets({ networks: walletNetworks, allowedAssets: [{ chainId: 7777, asset }] }).at(
        -1,
      ),
    ).toEqual({
      key: `7777:${asset}`,
      chainId: 7777,
      asset,
      symbol: '0x4444…4444',
      networkName: 'Ethereum',
      isNetworkAddedBySite: true,
    });
  });
});

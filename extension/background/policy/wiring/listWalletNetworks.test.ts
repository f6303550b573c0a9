import { describe, expect, it } from 'vitest';
import { knownNetworks } from '../../../../shared/chains/networks.ts';
import { NetworkStore } from '../../dapp/NetworkStore.ts';
import type { WalletNetwork } from '../../dapp/NetworkStore.ts';
import { parseAddEthereumChainRequest } from '../../dapp/parseAddEthereumChainRequest.ts';
import { createMemoryStorageArea } from '../../wallet/StorageArea.ts';
import { listWalletNetworks } from './listWalletNetworks.ts';

const ethereumUsdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const watchedOnEthereum = '0x2222222222222222222222222222222222222222';
const watchedOnSiteChain = '0x3333333333333333333333333333333333333333';

/** The store as the service worker builds it, over an in-memory storage.local. */
function createStore(): NetworkStore {
  return new NetworkStore(
    createMemoryStorageArea(),
    knownNetworks.map((network): WalletNetwork => ({
      chainId: network.chainId,
      name: network.name,
      rpcUrls: network.rpcUrls,
      nativeSymbol: network.nativeCurrency.symbol,
      ...(network.blockExplorerUrl === undefined
        ? {}
        : { blockExplorerUrl: network.blockExplorerUrl }),
      tokens: network.tokens,
    })),
  );
}

/** What `wallet_watchAsset` stores once approved: the network with one more token. */
async function watch(store: NetworkStore, chainId: number, address: `0x${string}`) {
  const network = await store.find(chainId);
  if (network === undefined) throw new Error(`no network ${chainId}`);
  await store.add({
    ...network,
    tokens: [...network.tokens, { address, symbol: 'USDC', name: 'USDC', decimals: 6 }],
  });
}

async function setup() {
  const store = createStore();
  await store.add(
    parseAddEthereumChainRequest({
      chainId: '0x1e61',
      chainName: 'Ethereum',
      nativeCurrency: { name: 'Site coin', symbol: 'SITE', decimals: 18 },
      rpcUrls: ['https://rpc.site.example'],
      blockExplorerUrls: ['https://explorer.site.example'],
    }),
  );
  await watch(store, 7777, watchedOnSiteChain);
  await watch(store, 1, watchedOnEthereum);
  return listWalletNetworks({ networks: await store.list(), builtins: knownNetworks });
}

describe('listWalletNetworks', () => {
  it('lists the built-in networks as they are when no site added anything', async () => {
    const views = listWalletNetworks({
      networks: await createStore().list(),
      builtins: knownNetworks,
    });
    expect(views.map((view) => view.chainId)).toEqual(
      knownNetworks.map((network) => network.chainId),
    );
    for (const [index, view] of views.entries()) {
      const builtin = knownNetworks[index];
      expect(view).toEqual({
        chainId: builtin?.chainId,
        name: builtin?.name,
        nativeCurrency: builtin?.nativeCurrency,
        ...(builtin?.blockExplorerUrl === undefined
          ? {}
          : { blockExplorerUrl: builtin.blockExplorerUrl }),
        tokens: builtin?.tokens,
      });
    }
  });

  it('adds a network a site added, with its coin, explorer and watched token, marked', async () => {
    const added = (await setup()).find((view) => view.chainId === 7777);
    expect(added).toEqual({
      chainId: 7777,
      name: 'Ethereum',
      nativeCurrency: { name: 'SITE', symbol: 'SITE', decimals: 18 },
      blockExplorerUrl: 'https://explorer.site.example/',
      tokens: [
        {
          address: watchedOnSiteChain,
          symbol: 'USDC',
          name: 'USDC',
          decimals: 6,
          isAddedBySite: true,
        },
      ],
      isAddedBySite: true,
    });
  });

  it('keeps a built-in network built-in, its own tokens first, then the watched one', async () => {
    const ethereum = (await setup()).find((view) => view.chainId === 1);
    expect(ethereum?.isAddedBySite).toBeUndefined();
    expect(ethereum?.name).toBe('Ethereum');
    expect(ethereum?.blockExplorerUrl).toBe('https://etherscan.io');
    const usdc = ethereum?.tokens.filter((token) => token.symbol === 'USDC');
    expect(usdc).toEqual([
      { address: ethereumUsdc, symbol: 'USDC', name: 'USD Coin', decimals: 6 },
      {
        address: watchedOnEthereum,
        symbol: 'USDC',
        name: 'USDC',
        decimals: 6,
        isAddedBySite: true,
      },
    ]);
  });

  it('never lists a watched token twice, nor a built-in one again in another case', () => {
    const ethereum = knownNetworks.find((network) => network.chainId === 1);
    if (ethereum === undefined) throw new Error('Ethereum is built in');
    const stored: WalletNetwork = {
      chainId: 1,
      name: 'Ethereum',
      rpcUrls: ['https://rpc.example'],
      nativeSymbol: 'ETH',
      tokens: [
        ...ethereum.tokens,
        {
          address: ethereumUsdc.toLowerCase() as `0x${string}`,
          symbol: 'FAKE',
          name: 'F',
          decimals: 0,
        },
        { address: watchedOnEthereum, symbol: 'USDC', name: 'USDC', decimals: 6 },
        { address: watchedOnEthereum, symbol: 'USDC', name: 'USDC', decimals: 6 },
      ],
    };
    const [view] = listWalletNetworks({ networks: [stored], builtins: knownNetworks });
    expect(view?.tokens).toHaveLength(ethereum.tokens.length + 1);
    expect(view?.tokens.filter((token) => token.isAddedBySite === true)).toHaveLength(1);
  });
});

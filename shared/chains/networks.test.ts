import { getAddress, isAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { devChainTokens } from './devChainTokens.ts';
import { knownNetworks } from './networks.ts';

describe('knownNetworks', () => {
  it('lists Ethereum, Base, Arbitrum One, OP Mainnet, Polygon and the dev chain', () => {
    expect(knownNetworks.map((network) => network.chainId)).toEqual([
      1, 8453, 42161, 10, 137, 31337,
    ]);
  });

  it('gives each network a distinct chain id and name', () => {
    const chainIds = knownNetworks.map((network) => network.chainId);
    const names = knownNetworks.map((network) => network.name);
    expect(new Set(chainIds).size).toBe(chainIds.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(knownNetworks.map((network) => [network.name, network] as const))(
    'writes every token address of %s in its EIP-55 checksummed form',
    (_name, network) => {
      for (const token of network.tokens) {
        expect(isAddress(token.address, { strict: true })).toBe(true);
        expect(token.address).toBe(getAddress(token.address));
      }
    },
  );

  it.each(knownNetworks.map((network) => [network.name, network] as const))(
    'lists each token of %s once, by address and by symbol',
    (_name, network) => {
      const addresses = network.tokens.map((token) => token.address.toLowerCase());
      const symbols = network.tokens.map((token) => token.symbol);
      expect(new Set(addresses).size).toBe(addresses.length);
      expect(new Set(symbols).size).toBe(symbols.length);
    },
  );

  it.each(
    knownNetworks
      .filter((network) => network.isTestnet !== true)
      .map((network) => [network.name, network] as const),
  )('reaches %s over several distinct public HTTPS endpoints', (_name, network) => {
    expect(network.rpcUrls.length).toBeGreaterThanOrEqual(3);
    expect(new Set(network.rpcUrls).size).toBe(network.rpcUrls.length);
    for (const url of network.rpcUrls) expect(new URL(url).protocol).toBe('https:');
    expect(new URL(network.blockExplorerUrl ?? '').protocol).toBe('https:');
  });

  it('never reuses a mainnet token address on another mainnet unless it is the same bridged DAI', () => {
    const mainnetTokens = knownNetworks
      .filter((network) => network.isTestnet !== true)
      .flatMap((network) => network.tokens.map((token) => ({ chainId: network.chainId, token })));
    const byAddress = new Map<string, typeof mainnetTokens>();
    for (const use of mainnetTokens) {
      byAddress.set(use.token.address, [...(byAddress.get(use.token.address) ?? []), use]);
    }
    for (const [address, uses] of byAddress) {
      if (uses.length === 1) continue;
      // MakerDAO's L2 DAI has one address on Arbitrum One and OP Mainnet.
      expect(address).toBe('0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1');
      expect(uses.map(({ chainId }) => chainId).sort((a, b) => a - b)).toEqual([10, 42161]);
    }
  });

  it('gives stablecoins the decimals their contracts use', () => {
    for (const network of knownNetworks) {
      for (const token of network.tokens) {
        expect(token.decimals).toBe(token.symbol === 'DAI' ? 18 : 6);
      }
    }
  });

  it('offers USDC on every mainnet and EURC only where Circle issues it', () => {
    const mainnets = knownNetworks.filter((network) => network.isTestnet !== true);
    for (const network of mainnets) {
      expect(network.tokens.some((token) => token.symbol === 'USDC')).toBe(true);
    }
    const withEurc = mainnets.filter((network) =>
      network.tokens.some((token) => token.symbol === 'EURC'),
    );
    expect(withEurc.map((network) => network.chainId)).toEqual([1, 8453]);
  });

  it('pays gas in POL on Polygon and in ETH elsewhere', () => {
    for (const network of knownNetworks) {
      expect(network.nativeCurrency).toEqual(
        network.chainId === 137
          ? { name: 'POL', symbol: 'POL', decimals: 18 }
          : { name: 'Ether', symbol: 'ETH', decimals: 18 },
      );
    }
  });

  it('points the dev chain at the local Hardhat node and its test tokens', () => {
    const devChain = knownNetworks.find((network) => network.chainId === 31337);
    expect(devChain?.rpcUrls).toEqual(['http://127.0.0.1:8545']);
    expect(devChain?.tokens).toBe(devChainTokens);
    expect(devChain?.isTestnet).toBe(true);
  });
});

import { createChainClient } from './createChainClient.ts';
import type { ChainClient } from './createChainClient.ts';

export type GetChainClientParameters = {
  chainId: number;
  name: string;
  nativeSymbol: string;
  rpcUrls: readonly string[];
};

export type GetChainClientReturnType = ChainClient;

const clients = new Map<string, ChainClient>();

/**
 * The worker's one chain client per network and endpoint list, made on first use and kept for
 * the worker's lifetime, so endpoint health carries from one read to the next and balances,
 * dapp reads and broadcasts share the same failover.
 */
export function getChainClient(network: GetChainClientParameters): GetChainClientReturnType {
  const key = `${network.chainId}|${network.rpcUrls.join(',')}`;
  let client = clients.get(key);
  if (client === undefined) {
    client = createChainClient({
      network: {
        chainId: network.chainId,
        name: network.name,
        nativeCurrency: { name: network.nativeSymbol, symbol: network.nativeSymbol, decimals: 18 },
        rpcUrls: network.rpcUrls,
      },
    });
    clients.set(key, client);
  }
  return client;
}

/** The client last made for a chain id (the nonce manager asks by chain id only). */
export function findChainClient(chainId: number): ChainClient | undefined {
  return [...clients.values()].reverse().find((candidate) => candidate.chainId === chainId);
}

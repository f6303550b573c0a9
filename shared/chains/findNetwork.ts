import { knownNetworks } from './networks.ts';
import type { Network } from './networks.ts';

export type FindNetworkReturnType = Network | undefined;

/** The known network with this chain id, or `undefined` for a chain the wallet was never told about. */
export function findNetwork(
  chainId: number,
  networks: readonly Network[] = knownNetworks,
): FindNetworkReturnType {
  return networks.find((network) => network.chainId === chainId);
}

/**
 * The wallet's networks as its pages show them (rules and caps of a site). Trusted: the built-in
 * list. Taken as the site's word, and marked so: a network a site added (EIP-3085) and the tokens
 * sites asked to watch (EIP-747), which the user approved but whose names a site chose.
 */
import type { Network } from '../../../../shared/chains/networks.ts';
import type { WalletNetworkView } from '../../../../shared/protocol/walletUiMessages.ts';
import type { WalletNetwork } from '../../dapp/NetworkStore.ts';

export type ListWalletNetworksParameters = {
  /** `NetworkStore.list()`: built-in networks (with tokens watched on them), then added ones. */
  readonly networks: readonly WalletNetwork[];
  readonly builtins: readonly Network[];
};
export type ListWalletNetworksReturnType = WalletNetworkView[];

/** EIP-3085 chains the wallet accepts have 18-decimal native coins (parseAddEthereumChainParameter). */
const addedNativeDecimals = 18;

/**
 * Each network once, in the store's order: a built-in one under its built-in name, coin and
 * explorer, its own tokens first, then tokens watched on it; a network a site added with the
 * site's name and coin symbol. A watched token whose address a list already has (in any case)
 * is left out, so one address is one option.
 */
export function listWalletNetworks({
  networks,
  builtins,
}: ListWalletNetworksParameters): ListWalletNetworksReturnType {
  const views: WalletNetworkView[] = [];
  const seenChainIds = new Set<number>();
  for (const network of networks) {
    if (seenChainIds.has(network.chainId)) continue;
    seenChainIds.add(network.chainId);
    const builtin = builtins.find((candidate) => candidate.chainId === network.chainId);
    const tokens: WalletNetworkView['tokens'][number][] = [];
    const seenAddresses = new Set<string>();
    for (const token of builtin?.tokens ?? []) {
      seenAddresses.add(token.address.toLowerCase());
      tokens.push(token);
    }
    for (const token of network.tokens) {
      const address = token.address.toLowerCase();
      if (seenAddresses.has(address)) continue;
      seenAddresses.add(address);
      tokens.push({ ...token, isAddedBySite: true });
    }
    if (builtin !== undefined) {
      views.push({
        chainId: builtin.chainId,
        name: builtin.name,
        nativeCurrency: builtin.nativeCurrency,
        ...(builtin.blockExplorerUrl === undefined
          ? {}
          : { blockExplorerUrl: builtin.blockExplorerUrl }),
        tokens,
      });
      continue;
    }
    views.push({
      chainId: network.chainId,
      name: network.name,
      nativeCurrency: {
        name: network.nativeSymbol,
        symbol: network.nativeSymbol,
        decimals: addedNativeDecimals,
      },
      ...(network.blockExplorerUrl === undefined
        ? {}
        : { blockExplorerUrl: network.blockExplorerUrl }),
      tokens,
      isAddedBySite: true,
    });
  }
  return views;
}

/**
 * The networks the wallet knows (built-in registry plus chains sites added with
 * wallet_addEthereumChain, after the user approved) and the active one. A stored network with a
 * built-in chain id replaces the built-in's RPC endpoints (e.g. a dev chain on another port).
 */
import type { KnownToken } from '../../../shared/chains/devChainTokens.ts';
import { localDevChain } from '../../../shared/chains/localDevChain.ts';
import type { StorageArea } from '../wallet/StorageArea.ts';

export type WalletNetwork = {
  readonly chainId: number;
  readonly name: string;
  readonly rpcUrls: readonly string[];
  readonly nativeSymbol: string;
  readonly blockExplorerUrl?: string;
  readonly tokens: readonly KnownToken[];
};

const keys = { active: 'activeChainId', custom: 'customNetworks' } as const;

export class NetworkStore {
  readonly #local: StorageArea;
  readonly #builtins: readonly WalletNetwork[];

  constructor(local: StorageArea, builtins: readonly WalletNetwork[]) {
    this.#local = local;
    this.#builtins = builtins;
  }

  async list(): Promise<WalletNetwork[]> {
    const custom = await this.#custom();
    const merged = new Map<number, WalletNetwork>();
    for (const network of this.#builtins) merged.set(network.chainId, network);
    for (const network of Object.values(custom)) {
      const builtin = merged.get(network.chainId);
      merged.set(
        network.chainId,
        builtin
          ? {
              ...builtin,
              rpcUrls: network.rpcUrls,
              tokens: mergeTokens(builtin.tokens, network.tokens),
            }
          : network,
      );
    }
    return [...merged.values()];
  }

  async find(chainId: number): Promise<WalletNetwork | undefined> {
    return (await this.list()).find((network) => network.chainId === chainId);
  }

  async active(): Promise<WalletNetwork> {
    const stored = (await this.#local.get([keys.active]))[keys.active];
    const chainId = typeof stored === 'number' ? stored : localDevChain.id;
    const networks = await this.list();
    return (
      networks.find((network) => network.chainId === chainId) ?? networks[0] ?? fallbackNetwork
    );
  }

  async setActive(chainId: number): Promise<void> {
    await this.#local.set({ [keys.active]: chainId });
  }

  async add(network: WalletNetwork): Promise<void> {
    const custom = await this.#custom();
    await this.#local.set({ [keys.custom]: { ...custom, [String(network.chainId)]: network } });
  }

  async #custom(): Promise<Record<string, WalletNetwork>> {
    const stored = (await this.#local.get([keys.custom]))[keys.custom];
    return typeof stored === 'object' && stored !== null
      ? (stored as Record<string, WalletNetwork>)
      : {};
  }
}

const fallbackNetwork: WalletNetwork = {
  chainId: localDevChain.id,
  name: localDevChain.name,
  rpcUrls: localDevChain.rpcUrls.default.http,
  nativeSymbol: 'ETH',
  tokens: [],
};

function mergeTokens(first: readonly KnownToken[], second: readonly KnownToken[]): KnownToken[] {
  const byAddress = new Map(first.map((token) => [token.address, token]));
  for (const token of second)
    if (!byAddress.has(token.address)) byAddress.set(token.address, token);
  return [...byAddress.values()];
}

import type { Address, Hex } from 'viem';

/** What a running local stack tells the provider, the demo shop and the tests (`<dataDir>/stack.json`). */
export type StackInfo = {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly providerUrl: string;
  readonly shopUrl: string;
  /** The unpacked extension to load in Chromium. */
  readonly extensionDir: string;
  readonly tokens: Readonly<Record<'USDC' | 'EURC' | 'DAI', TestToken>>;
  /** Funded dev-chain accounts: public test keys, never for real funds. */
  readonly accounts: readonly { readonly address: Address; readonly privateKey: Hex }[];
};

export type TestToken = {
  readonly address: Address;
  readonly symbol: string;
  readonly name: string;
  readonly decimals: number;
};

import { devChainTokens } from './devChainTokens.ts';
import type { KnownToken } from './devChainTokens.ts';
import { localDevChain } from './localDevChain.ts';

export type NativeCurrency = {
  readonly name: string;
  readonly symbol: string;
  readonly decimals: number;
};

export type Network = {
  readonly chainId: number;
  readonly name: string;
  readonly nativeCurrency: NativeCurrency;
  /** Tried in this order; the chain client fails over to the next one and tracks their health. */
  readonly rpcUrls: readonly string[];
  readonly blockExplorerUrl?: string;
  readonly tokens: readonly KnownToken[];
  readonly isTestnet?: boolean;
};

const ether: NativeCurrency = { name: 'Ether', symbol: 'ETH', decimals: 18 };

/*
 * Token addresses are the issuers' canonical deployments, checked against:
 * - USDC and EURC: Circle's contract address tables (developers.circle.com/stablecoins/
 *   usdc-contract-addresses, …/eurc-contract-addresses). Native USDC only, never the bridged
 *   USDC.e / USDbC. Circle issues EURC on Ethereum and Base among these chains, nowhere else.
 * - USDT: Tether's USD₮ on Ethereum. On Arbitrum, OP Mainnet and Polygon the Tether token is
 *   USDT0 (Tether's omnichain USD₮, LayerZero OFT): Arbitrum's and Polygon's USDT contracts were
 *   upgraded in place, OP Mainnet got a new contract (the old bridged USDT there is left out).
 *   It is listed as `USDT0`, the symbol the contracts report. Base has no Tether-issued USDT.
 * - DAI: MakerDAO/Sky's DAI on Ethereum and its canonical bridges (the same L2 DAI address on
 *   Arbitrum and OP Mainnet; Base's DAI from the Optimism superchain token list; Polygon PoS
 *   bridge DAI).
 * `networks.test.ts` checks EIP-55 checksums and uniqueness; it cannot check the chain itself.
 */

const ethereum: Network = {
  chainId: 1,
  name: 'Ethereum',
  nativeCurrency: ether,
  rpcUrls: [
    'https://ethereum-rpc.publicnode.com',
    'https://eth.llamarpc.com',
    'https://eth.drpc.org',
    'https://1rpc.io/eth',
  ],
  blockExplorerUrl: 'https://etherscan.io',
  tokens: [
    {
      address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      symbol: 'USDC',
      name: 'USD Coin',
      decimals: 6,
    },
    {
      address: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
      symbol: 'USDT',
      name: 'Tether USD',
      decimals: 6,
    },
    {
      address: '0x6B175474E89094C44Da98b954EedeAC495271d0F',
      symbol: 'DAI',
      name: 'Dai Stablecoin',
      decimals: 18,
    },
    {
      address: '0x1aBaEA1f7C830bD89Acc67eC4af516284b1bC33c',
      symbol: 'EURC',
      name: 'EURC',
      decimals: 6,
    },
  ],
};

const base: Network = {
  chainId: 8453,
  name: 'Base',
  nativeCurrency: ether,
  rpcUrls: [
    'https://mainnet.base.org',
    'https://base-rpc.publicnode.com',
    'https://base.llamarpc.com',
    'https://base.drpc.org',
  ],
  blockExplorerUrl: 'https://basescan.org',
  tokens: [
    {
      address: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
      symbol: 'USDC',
      name: 'USD Coin',
      decimals: 6,
    },
    {
      address: '0x50c5725949A6F0c72E6C4a641F24049A917DB0Cb',
      symbol: 'DAI',
      name: 'Dai Stablecoin',
      decimals: 18,
    },
    {
      address: '0x60a3E35Cc302bFA44Cb288Bc5a4F316Fdb1adb42',
      symbol: 'EURC',
      name: 'EURC',
      decimals: 6,
    },
  ],
};

const arbitrumOne: Network = {
  chainId: 42161,
  name: 'Arbitrum One',
  nativeCurrency: ether,
  rpcUrls: [
    'https://arb1.arbitrum.io/rpc',
    'https://arbitrum-one-rpc.publicnode.com',
    'https://arbitrum.drpc.org',
    'https://1rpc.io/arb',
  ],
  blockExplorerUrl: 'https://arbiscan.io',
  tokens: [
    {
      address: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831',
      symbol: 'USDC',
      name: 'USD Coin',
      decimals: 6,
    },
    {
      address: '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9',
      symbol: 'USDT0',
      name: 'USD₮0',
      decimals: 6,
    },
    {
      address: '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1',
      symbol: 'DAI',
      name: 'Dai Stablecoin',
      decimals: 18,
    },
  ],
};

const opMainnet: Network = {
  chainId: 10,
  name: 'OP Mainnet',
  nativeCurrency: ether,
  rpcUrls: [
    'https://mainnet.optimism.io',
    'https://optimism-rpc.publicnode.com',
    'https://optimism.drpc.org',
    'https://1rpc.io/op',
  ],
  blockExplorerUrl: 'https://optimistic.etherscan.io',
  tokens: [
    {
      address: '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85',
      symbol: 'USDC',
      name: 'USD Coin',
      decimals: 6,
    },
    {
      address: '0x01bFF41798a0BcF287b996046Ca68b395DbC1071',
      symbol: 'USDT0',
      name: 'USD₮0',
      decimals: 6,
    },
    {
      address: '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1',
      symbol: 'DAI',
      name: 'Dai Stablecoin',
      decimals: 18,
    },
  ],
};

const polygon: Network = {
  chainId: 137,
  name: 'Polygon',
  nativeCurrency: { name: 'POL', symbol: 'POL', decimals: 18 },
  rpcUrls: [
    'https://polygon-rpc.com',
    'https://polygon-bor-rpc.publicnode.com',
    'https://polygon.drpc.org',
    'https://1rpc.io/matic',
  ],
  blockExplorerUrl: 'https://polygonscan.com',
  tokens: [
    {
      address: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359',
      symbol: 'USDC',
      name: 'USD Coin',
      decimals: 6,
    },
    {
      address: '0xc2132D05D31c914a87C6611C10748AEb04B58e8F',
      symbol: 'USDT0',
      name: 'USD₮0',
      decimals: 6,
    },
    {
      address: '0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063',
      symbol: 'DAI',
      name: 'Dai Stablecoin',
      decimals: 18,
    },
  ],
};

/** The local Hardhat chain `npm start` runs, with the test tokens it deploys. */
const devChain: Network = {
  chainId: localDevChain.id,
  name: localDevChain.name,
  nativeCurrency: localDevChain.nativeCurrency,
  rpcUrls: localDevChain.rpcUrls.default.http,
  tokens: devChainTokens,
  isTestnet: true,
};

/** Every network the wallet knows without being told; users add others with EIP-3085. */
export const knownNetworks: readonly Network[] = [
  ethereum,
  base,
  arbitrumOne,
  opMainnet,
  polygon,
  devChain,
];

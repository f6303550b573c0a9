import type { Address } from 'viem';

export type KnownToken = {
  readonly address: Address;
  readonly symbol: string;
  readonly name: string;
  readonly decimals: number;
};

/**
 * The test tokens `npm start` deploys on the dev chain (chainId 31337). Their addresses are fixed:
 * account 0 deploys them first, in this order, on a fresh chain.
 */
export const devChainTokens: readonly KnownToken[] = [
  {
    address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    symbol: 'USDC',
    name: 'USD Coin',
    decimals: 6,
  },
  {
    address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
    symbol: 'EURC',
    name: 'Euro Coin',
    decimals: 6,
  },
  {
    address: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    symbol: 'DAI',
    name: 'Dai Stablecoin',
    decimals: 18,
  },
];

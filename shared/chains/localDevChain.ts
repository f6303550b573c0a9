import { hardhat } from 'viem/chains';

/** The local Hardhat dev chain that `npm start` runs (chainId 31337, 0x7a69). */
export const localDevChain = {
  ...hardhat,
  name: 'TP Pay dev chain',
  rpcUrls: { default: { http: ['http://127.0.0.1:8545'] } },
} as const;

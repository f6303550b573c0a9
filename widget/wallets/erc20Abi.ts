/**
 * The two ERC-20 functions the widget calls: `transfer` to pay, `balanceOf` to check funds first.
 * Their 4-byte selectors are written out so the bundle needs no Keccak-256 (about 2 KB gzip of
 * the 30 KB budget); `erc20Abi.test.ts` derives them with viem and compares.
 */
export const erc20Abi = [
  {
    type: 'function',
    name: 'transfer',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'to', type: 'address' },
      { name: 'value', type: 'uint256' },
    ],
    outputs: [{ name: '', type: 'bool' }],
  },
  {
    type: 'function',
    name: 'balanceOf',
    stateMutability: 'view',
    inputs: [{ name: 'account', type: 'address' }],
    outputs: [{ name: '', type: 'uint256' }],
  },
] as const;

export const erc20Selectors = { transfer: '0xa9059cbb', balanceOf: '0x70a08231' } as const;

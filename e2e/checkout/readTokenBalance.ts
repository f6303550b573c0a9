import { createPublicClient, erc20Abi, http } from 'viem';
import type { Address } from 'viem';
import type { StackInfo } from '../../scripts/stack/StackInfo.ts';

/** An account's balance of a dev-chain test token, in base units. */
export function readTokenBalance(
  stack: StackInfo,
  symbol: keyof StackInfo['tokens'],
  owner: Address,
): Promise<bigint> {
  const client = createPublicClient({ transport: http(stack.rpcUrl) });
  return client.readContract({
    address: stack.tokens[symbol].address,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [owner],
  });
}

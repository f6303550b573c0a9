import { createWalletClient, erc20Abi, http, parseEther } from 'viem';
import type { Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { hardhat } from 'viem/chains';
import type { StackInfo } from '../../scripts/stack/StackInfo.ts';

export type FundAccountParameters = {
  readonly stack: StackInfo;
  readonly to: Address;
  /** Base units of `token` to send; ETH for gas is sent beside it. */
  readonly amount: bigint;
  readonly token: keyof StackInfo['tokens'];
  /** Which funded dev account pays (index into `stack.accounts`). */
  readonly fromAccount?: number;
};

/** Sends test tokens and 1 ETH for gas from a funded dev account, and waits for both. */
export async function fundAccount({
  stack,
  to,
  amount,
  token,
  fromAccount = 3,
}: FundAccountParameters): Promise<void> {
  const funder = stack.accounts[fromAccount];
  if (funder === undefined) throw new Error(`the stack has no dev account #${fromAccount}`);
  const chain = { ...hardhat, rpcUrls: { default: { http: [stack.rpcUrl] } } };
  const client = createWalletClient({
    account: privateKeyToAccount(funder.privateKey),
    chain,
    transport: http(stack.rpcUrl),
  });
  await client.sendTransaction({ to, value: parseEther('1') });
  await client.writeContract({
    address: stack.tokens[token].address,
    abi: erc20Abi,
    functionName: 'transfer',
    args: [to, amount],
  });
}

import { erc20Abi, getAddress } from 'viem';
import type { Address } from 'viem';
import { TpError } from '../../../shared/errors/TpError.ts';
import type { KnownToken } from '../../../shared/chains/devChainTokens.ts';
import type { ChainClient } from './createChainClient.ts';
import type { BalanceView } from '../../../shared/protocol/walletUiMessages.ts';

export type ReadBalancesParameters = {
  /** The network's shared chain client (failover across its endpoints). */
  readonly client: Pick<ChainClient, 'chainId' | 'publicClient'>;
  readonly address: Address;
  readonly nativeSymbol: string;
  readonly tokens: readonly KnownToken[];
};

/** The native balance and each known token's balance of one address, read from the chain. */
export async function readBalances({
  client: chain,
  address,
  nativeSymbol,
  tokens,
}: ReadBalancesParameters): Promise<BalanceView[]> {
  const client = chain.publicClient;
  const owner = getAddress(address);
  try {
    const [native, ...tokenValues] = await Promise.all([
      client.getBalance({ address: owner }),
      ...tokens.map((token) =>
        client.readContract({
          address: token.address,
          abi: erc20Abi,
          functionName: 'balanceOf',
          args: [owner],
        }),
      ),
    ]);
    return [
      { symbol: nativeSymbol, decimals: 18, value: native.toString() },
      ...tokens.map((token, position) => ({
        symbol: token.symbol,
        decimals: token.decimals,
        value: (tokenValues[position] ?? 0n).toString(),
        tokenAddress: token.address,
      })),
    ];
  } catch (error) {
    throw new TpError({
      code: 'chain/unreachable',
      shortMessage: 'Could not read balances from the network.',
      details: { chainId: chain.chainId },
      cause: error,
    });
  }
}

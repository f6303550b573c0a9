/**
 * The dapp handler's view of one network, over viem (JSON-RPC, fee estimation) with failover
 * across the network's endpoints. Nonces are handed out here so that quick successive sends from
 * one account do not collide: the next nonce is the larger of the chain's pending count and the
 * last one handed out + 1; a send that fails before broadcast gives its nonce back.
 */
import { createPublicClient, defineChain, fallback, http } from 'viem';
import type { Address, Hex } from 'viem';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import type { ChainAccess } from './DappRequestHandler.ts';
import type { WalletNetwork } from './NetworkStore.ts';

const nextNonceByAccount = new Map<string, number>();

export function createChainAccess(network: WalletNetwork): ChainAccess {
  const transport = fallback(
    network.rpcUrls.map((url) => http(url, { retryCount: 0, timeout: 10_000 })),
    { retryCount: 1 },
  );
  const chain = defineChain({
    id: network.chainId,
    name: network.name,
    nativeCurrency: { name: network.nativeSymbol, symbol: network.nativeSymbol, decimals: 18 },
    rpcUrls: { default: { http: network.rpcUrls } },
  });
  const client = createPublicClient({ chain, transport, cacheTime: 0 });
  const nonceKey = (address: Address) => `${network.chainId}:${address}`;

  return {
    request: async (method, params) => {
      try {
        // viem's typed request does not cover every read method's param shape; the allow-list
        // in DappRequestHandler decides which methods reach this point.
        return await client.request({ method, params } as Parameters<typeof client.request>[0]);
      } catch (error) {
        throw toProviderError(error);
      }
    },
    estimateGas: async ({ from, to, value, data }) => {
      try {
        return await client.estimateGas({
          account: from,
          ...(to ? { to } : {}),
          value,
          ...(data ? { data } : {}),
        });
      } catch (error) {
        throw toProviderError(error);
      }
    },
    estimateFees: async () => {
      const { maxFeePerGas, maxPriorityFeePerGas } = await client.estimateFeesPerGas({
        type: 'eip1559',
      });
      return { maxFeePerGas, maxPriorityFeePerGas };
    },
    reserveNonce: async (address) => {
      const pending = await client.getTransactionCount({ address, blockTag: 'pending' });
      const nonce = Math.max(pending, nextNonceByAccount.get(nonceKey(address)) ?? 0);
      nextNonceByAccount.set(nonceKey(address), nonce + 1);
      return nonce;
    },
    releaseNonce: (address, nonce) => {
      if (nextNonceByAccount.get(nonceKey(address)) === nonce + 1)
        nextNonceByAccount.set(nonceKey(address), nonce);
    },
    sendRawTransaction: async (serialized: Hex) => {
      try {
        return await client.sendRawTransaction({ serializedTransaction: serialized });
      } catch (error) {
        throw toProviderError(error);
      }
    },
    verifyChainId: async (rpcUrl, expectedChainId) => {
      const probe = createPublicClient({
        transport: http(rpcUrl, { retryCount: 0, timeout: 5_000 }),
      });
      let chainId: number;
      try {
        chainId = await probe.getChainId();
      } catch {
        throw new ProviderRpcError('invalidParams', 'The RPC URL did not answer.', {
          param: 'rpcUrls',
          rpcUrl,
        });
      }
      if (chainId !== expectedChainId) {
        throw new ProviderRpcError(
          'invalidParams',
          `The RPC URL serves chain ${chainId}, not ${expectedChainId}.`,
          {
            param: 'chainId',
          },
        );
      }
    },
  };
}

/** A node's error, passed on with its JSON-RPC code when it has one. */
function toProviderError(error: unknown): ProviderRpcError {
  const details =
    (error as { details?: string; shortMessage?: string; code?: unknown } | undefined) ?? {};
  const message = details.details ?? details.shortMessage ?? 'The network refused the request.';
  return new ProviderRpcError('internalError', message, {
    ...(typeof details.code === 'number' ? { nodeCode: details.code } : {}),
  });
}

/**
 * The wallet's connection to one network: a viem PublicClient over viem's `fallback` transport
 * of the network's RPC endpoints, each wrapped to track its health (see `trackedHttp.ts`).
 *
 * Failover: endpoints are tried in the network's order; an endpoint that failed is passed over
 * for `cooldownMs` while a later one works, then tried again. viem's own `rank` option is not
 * used: it pings every endpoint forever on a timer that cannot be stopped (a leak in a service
 * worker that switches networks) and reads the wall clock itself.
 * Trusted: none of the endpoints. Each must first confirm the chain id; answers are only passed
 * on for read-only methods; a site's request never reaches the node unless allow-listed.
 */
import { createPublicClient, defineChain, fallback, keccak256 } from 'viem';
import type { Address, Chain, Hash, Hex, PublicClient, Transport } from 'viem';
import { InvalidChainParamsError } from '../../../shared/chains/errors.ts';
import type { Network } from '../../../shared/chains/networks.ts';
import { createEndpointHealthTracker } from './createEndpointHealthTracker.ts';
import type { EndpointHealth } from './createEndpointHealthTracker.ts';
import { ChainRpcError, EndpointFailedError, RpcMethodNotAllowedError } from './errors.ts';
import type { RpcUnreachableError } from './errors.ts';
import { findCause } from './findCause.ts';
import { readOnlyRpcMethods } from './readOnlyRpcMethods.ts';
import { toChainError } from './toChainError.ts';
import { trackedHttp } from './trackedHttp.ts';

export type CreateChainClientParameters = {
  network: Pick<Network, 'chainId' | 'name' | 'nativeCurrency' | 'rpcUrls' | 'blockExplorerUrl'>;
  /** Replaces `network.rpcUrls` (a user's own endpoint, a test server). */
  rpcUrls?: readonly string[];
  /** Per request to one endpoint. Default 10 s. */
  timeoutMs?: number;
  /** How long a failed endpoint is passed over while others work. Default 30 s. */
  cooldownMs?: number;
  /** Extra rounds over all endpoints after all failed. Default 0: failover is the retry. */
  retryCount?: number;
  now?: () => number;
};

export type EstimateGasTransaction = {
  from: Address;
  to?: Address;
  data?: Hex;
  value?: bigint;
};

export type ChainClient = {
  readonly chainId: number;
  /** For reads the narrow API lacks (contract calls); its errors are viem's, not mapped. */
  readonly publicClient: PublicClient<Transport, Chain>;
  /** Forwards an allow-listed read-only method (`readOnlyRpcMethods`) and returns the raw answer. */
  request: (args: { method: string; params?: readonly unknown[] }) => Promise<unknown>;
  /** Broadcasts a signed transaction; "already known" counts as sent. */
  sendRawTransaction: (serializedTransaction: Hex) => Promise<Hash>;
  estimateFees: () => Promise<{ maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }>;
  estimateGas: (transaction: EstimateGasTransaction) => Promise<bigint>;
  getTransactionCount: (address: Address, blockTag?: 'pending' | 'latest') => Promise<number>;
  endpointHealth: () => readonly EndpointHealth[];
};

export type ChainClientErrorType = RpcUnreachableError | ChainRpcError | RpcMethodNotAllowedError;

const allowedMethods: ReadonlySet<string> = new Set(readOnlyRpcMethods);
const alreadyKnownPattern = /already ?known|known transaction/i;

export function createChainClient({
  network,
  rpcUrls = network.rpcUrls,
  timeoutMs = 10_000,
  cooldownMs = 30_000,
  retryCount = 0,
  now = Date.now,
}: CreateChainClientParameters): ChainClient {
  if (rpcUrls.length === 0 || new Set(rpcUrls).size !== rpcUrls.length) {
    throw new InvalidChainParamsError({
      param: 'rpcUrls',
      expected: 'at least one RPC URL, each listed once',
      received: rpcUrls,
    });
  }
  const health = createEndpointHealthTracker({ rpcUrls, now, cooldownMs });
  const chain = defineChain({
    id: network.chainId,
    name: network.name,
    nativeCurrency: network.nativeCurrency,
    rpcUrls: { default: { http: rpcUrls } },
    ...(network.blockExplorerUrl === undefined
      ? {}
      : { blockExplorers: { default: { name: network.name, url: network.blockExplorerUrl } } }),
  });
  const transport = fallback(
    rpcUrls.map((rpcUrl) =>
      trackedHttp({ rpcUrl, expectedChainId: network.chainId, timeoutMs, health }),
    ),
    {
      retryCount,
      retryDelay: 150,
      // Only endpoint failures move on to the next endpoint; a node's answer is final.
      shouldThrow: (error) =>
        findCause(
          error,
          (candidate): candidate is EndpointFailedError => candidate instanceof EndpointFailedError,
        ) === undefined,
    },
  );
  // cacheTime 0: a wallet reads nonces, balances and confirmations that must be current.
  const publicClient: PublicClient<Transport, Chain> = createPublicClient({
    chain,
    transport,
    cacheTime: 0,
  });

  const mapped = async <result>(method: string, call: () => Promise<result>): Promise<result> => {
    try {
      return await call();
    } catch (error) {
      throw toChainError(error, { method, rpcUrls });
    }
  };

  return {
    chainId: network.chainId,
    publicClient,
    request({ method, params }) {
      if (!allowedMethods.has(method)) {
        return Promise.reject(new RpcMethodNotAllowedError({ method }));
      }
      return mapped(method, () =>
        publicClient.request({ method, params } as Parameters<typeof publicClient.request>[0]),
      );
    },
    async sendRawTransaction(serializedTransaction) {
      try {
        return await mapped('eth_sendRawTransaction', () =>
          publicClient.sendRawTransaction({ serializedTransaction }),
        );
      } catch (error) {
        // An endpoint that timed out may still have broadcast it; the next one then knows it.
        if (error instanceof ChainRpcError && alreadyKnownPattern.test(error.rpcMessage)) {
          return keccak256(serializedTransaction);
        }
        throw error;
      }
    },
    estimateFees() {
      return mapped('estimateFeesPerGas', async () => {
        const { maxFeePerGas, maxPriorityFeePerGas } = await publicClient.estimateFeesPerGas();
        return { maxFeePerGas, maxPriorityFeePerGas };
      });
    },
    estimateGas({ from, to, data, value }) {
      return mapped('eth_estimateGas', () =>
        publicClient.estimateGas({ account: from, to, data, value }),
      );
    },
    getTransactionCount(address, blockTag = 'pending') {
      return mapped('eth_getTransactionCount', () =>
        publicClient.getTransactionCount({ address, blockTag }),
      );
    },
    endpointHealth: () => health.snapshot(),
  };
}

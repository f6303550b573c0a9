import { createPublicClient, http, webSocket } from 'viem';
import type { PublicClient, WebSocketTransport } from 'viem';
import { describeEndpoint } from './describeEndpoint.ts';
import type { PaymentsLogger } from './PaymentsLogger.ts';

/*
 * One RPC endpoint, as the quorum sees it: either an answer or none. Any failure (down, slow,
 * malformed answer, an exception from viem's parsing, a different chain id) is "no answer",
 * which agrees with nobody. Nothing from one endpoint is ever trusted on its own.
 */

export type ConnectRpcEndpointParameters = {
  url: string;
  chainId: number;
  /** Per request. */
  timeoutMs: number;
  log: PaymentsLogger;
};

export type RpcEndpoint = {
  /** Scheme, host and port only: fit for logs. */
  name: string;
  isWebSocket: boolean;
  /** This endpoint's answer, or `undefined` when it has none (including: wrong chain). */
  ask<Answer>(read: (client: PublicClient) => Promise<Answer>): Promise<Answer | undefined>;
  /** WebSocket endpoints only: calls `onHead` on each `newHeads` notification. */
  watchHeads(onHead: () => void): () => void;
  /** Closes a WebSocket this endpoint opened (viem shares it per URL within the process). */
  close(): Promise<void>;
};

export type ConnectRpcEndpointReturnType = RpcEndpoint;

export function connectRpcEndpoint({
  url,
  chainId,
  timeoutMs,
  log,
}: ConnectRpcEndpointParameters): ConnectRpcEndpointReturnType {
  const name = describeEndpoint(url);
  const isWebSocket = /^wss?:/i.test(url);
  // No retries here: a failed endpoint is one missing answer, and the next round asks again.
  const socketClient: PublicClient<WebSocketTransport> | undefined = isWebSocket
    ? createPublicClient({
        transport: webSocket(url, { timeout: timeoutMs, retryCount: 0 }),
        cacheTime: 0,
      })
    : undefined;
  const client: PublicClient =
    socketClient ??
    createPublicClient({
      transport: http(url, { timeout: timeoutMs, retryCount: 0 }),
      cacheTime: 0,
    });
  let chainCheck: 'verified' | 'wrong_chain' | undefined;
  let isSocketOpened = false;

  async function isOnChain(): Promise<boolean> {
    if (chainCheck === 'verified') return true;
    if (chainCheck === 'wrong_chain') return false;
    const actual = await client.getChainId();
    if (actual === chainId) {
      chainCheck = 'verified';
      return true;
    }
    chainCheck = 'wrong_chain';
    log.error(
      { endpoint: name, expectedChainId: chainId, actualChainId: actual },
      'RPC endpoint serves another chain: excluded (it counts as not agreeing)',
    );
    return false;
  }

  return {
    name,
    isWebSocket,
    async ask(read) {
      isSocketOpened ||= isWebSocket;
      try {
        if (!(await isOnChain())) return undefined;
        return await read(client);
      } catch {
        return undefined;
      }
    },
    watchHeads(onHead) {
      if (socketClient === undefined) return () => {};
      isSocketOpened = true;
      return socketClient.watchBlockNumber({
        // viem subscribes to `newHeads` over a WebSocket transport unless told to poll.
        onBlockNumber: () => {
          // A head from a wrong-chain endpoint pokes nobody; a liar can only cause an extra read.
          if (chainCheck !== 'wrong_chain') onHead();
        },
        onError: (error) => {
          // viem's full message names the URL; its short message does not.
          const reason = (error as { shortMessage?: string }).shortMessage ?? error.name;
          log.warn({ endpoint: name, reason }, 'newHeads subscription failed');
        },
      });
    },
    async close() {
      if (!isWebSocket || !isSocketOpened) return;
      const socketTransport = client.transport as {
        getRpcClient?: () => Promise<{ close(): void }>;
      };
      try {
        (await socketTransport.getRpcClient?.())?.close();
      } catch {
        // Already closed or never connected: nothing to release.
      }
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevChain } from '../../../scripts/devChain/startDevChain.ts';
import type { StartDevChainReturnType } from '../../../scripts/devChain/startDevChain.ts';
import { ChainIdMismatchError, RpcUnreachableError } from './errors.ts';
import { startFaultyRpcServer } from './startFaultyRpcServer.ts';
import type { FaultyRpcBehavior } from './startFaultyRpcServer.ts';
import { verifyRpcChainId } from './verifyRpcChainId.ts';

let devChain: StartDevChainReturnType;
beforeAll(async () => {
  devChain = await startDevChain({ port: 0 });
});
afterAll(async () => {
  await devChain.stop();
});

async function withServer<result>(
  behavior: FaultyRpcBehavior,
  use: (url: string) => Promise<result>,
): Promise<result> {
  const server = await startFaultyRpcServer({ behavior, upstreamUrl: devChain.rpcUrl });
  try {
    return await use(server.url);
  } finally {
    await server.close();
  }
}

describe('verifyRpcChainId', () => {
  it('resolves when the endpoint serves the claimed chain', async () => {
    await expect(
      verifyRpcChainId({ rpcUrl: devChain.rpcUrl, expectedChainId: 31337, timeoutMs: 2_000 }),
    ).resolves.toBeUndefined();
  });

  it('refuses an endpoint that serves another chain, saying which', async () => {
    const error = await verifyRpcChainId({
      rpcUrl: devChain.rpcUrl,
      expectedChainId: 8453,
      timeoutMs: 2_000,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChainIdMismatchError);
    expect((error as ChainIdMismatchError).code).toBe('chain/chain-id-mismatch');
    expect((error as ChainIdMismatchError).details).toMatchObject({
      expectedChainId: 8453,
      actualChainId: 31337n,
    });
  });

  it('refuses an endpoint that lies about the chain', async () => {
    await withServer('wrong-chain', async (rpcUrl) => {
      await expect(
        verifyRpcChainId({ rpcUrl, expectedChainId: 31337, timeoutMs: 2_000 }),
      ).rejects.toBeInstanceOf(ChainIdMismatchError);
    });
  });

  it.each<FaultyRpcBehavior>(['http-500', 'garbage'])(
    'reports an endpoint that answers %s as unreachable',
    async (behavior) => {
      await withServer(behavior, async (rpcUrl) => {
        const error = await verifyRpcChainId({
          rpcUrl,
          expectedChainId: 31337,
          timeoutMs: 2_000,
        }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(RpcUnreachableError);
        expect((error as RpcUnreachableError).code).toBe('chain/rpc-unreachable');
      });
    },
  );

  it('gives up on an endpoint that never answers after the timeout', async () => {
    await withServer('hang', async (rpcUrl) => {
      const startedAt = performance.now();
      await expect(
        verifyRpcChainId({ rpcUrl, expectedChainId: 31337, timeoutMs: 300 }),
      ).rejects.toBeInstanceOf(RpcUnreachableError);
      expect(performance.now() - startedAt).toBeLessThan(2_000);
    });
  });

  it('reports a closed port as unreachable', async () => {
    const server = await startFaultyRpcServer({ behavior: 'http-500' });
    await server.close();
    await expect(
      verifyRpcChainId({ rpcUrl: server.url, expectedChainId: 31337, timeoutMs: 2_000 }),
    ).rejects.toBeInstanceOf(RpcUnreachableError);
  });
});

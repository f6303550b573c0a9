import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, formatEther, http } from 'viem';
import { hardhat } from 'viem/chains';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { assertPortFree } from './assertPortFree.ts';
import { DevChainExitedError } from './DevChainExitedError.ts';
import { startDevChain } from './startDevChain.ts';
import type { StartDevChainReturnType } from './startDevChain.ts';

describe('startDevChain', () => {
  let chain: StartDevChainReturnType;
  let startupMs: number;

  beforeAll(async () => {
    const startedAt = performance.now();
    chain = await startDevChain({ port: 0 });
    startupMs = performance.now() - startedAt;
  });
  afterAll(async () => {
    await chain.stop();
  });

  it('starts within a few seconds on the port the OS picked', () => {
    console.info(`dev chain started in ${startupMs.toFixed(0)} ms at ${chain.rpcUrl}`);
    expect(chain.port).toBeGreaterThan(0);
    expect(chain.rpcUrl).toBe(`http://127.0.0.1:${String(chain.port)}`);
    expect(startupMs).toBeLessThan(15_000);
  });

  it('answers eth_chainId with 0x7a69', async () => {
    const response = await fetch(chain.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    });
    expect(await response.json()).toMatchObject({ result: '0x7a69' });
    expect(chain.chainId).toBe(31337);
  });

  it('funds the well-known first test account with 10000 ETH', async () => {
    const client = createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) });
    const wallet = createWalletClient({ chain: hardhat, transport: http(chain.rpcUrl) });
    const accounts = await wallet.getAddresses();
    expect(accounts).toHaveLength(20);
    expect(accounts[0]).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    const balance = await client.getBalance({
      address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    });
    expect(formatEther(balance)).toBe('10000');
  });

  it("keeps the chain's clock with the real one through a burst of blocks (no second per block)", async () => {
    const client = createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) });
    const wallet = createWalletClient({ chain: hardhat, transport: http(chain.rpcUrl) });
    const [from] = await wallet.getAddresses();
    if (from === undefined) throw new Error('no dev account');
    // Automine: one block per transaction, 40 of them within a second or two.
    for (let index = 0; index < 40; index += 1) {
      await wallet.sendTransaction({
        account: from,
        to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        value: 1n,
      });
    }
    const latest = await client.getBlock();
    const aheadSeconds = Number(latest.timestamp) - Math.floor(Date.now() / 1000);
    // Before allowBlocksWithSameTimestamp this was about 38 s ahead.
    expect(aheadSeconds).toBeLessThanOrEqual(2);
  });

  it('refuses a second start on the same port with stack/port-in-use', async () => {
    await expect(startDevChain({ port: chain.port })).rejects.toMatchObject({
      code: 'stack/port-in-use',
      details: { host: '127.0.0.1', port: chain.port },
    });
  });

  it('reports stack/port-in-use when it loses a race for the same port', async () => {
    const port = await findFreePort();
    const results = await Promise.allSettled([startDevChain({ port }), startDevChain({ port })]);
    const started = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const failures = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as unknown] : [],
    );
    await Promise.all(started.map((other) => other.stop()));
    expect(started).toHaveLength(1);
    expect(failures).toMatchObject([{ code: 'stack/port-in-use' }]);
  });

  it('rejects with stack/dev-chain-exited and the stderr tail when the node dies early', async () => {
    // 203.0.113.1 (TEST-NET-3) is never a local address, so the node cannot bind it.
    const error: unknown = await startDevChain({ host: '203.0.113.1', port: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DevChainExitedError);
    expect(error).toMatchObject({ code: 'stack/dev-chain-exited', details: { exitCode: 1 } });
    expect((error as DevChainExitedError).details.stderrTail).toContain('EADDRNOTAVAIL');
  });

  it('starts a second, distinct chain with another chain id when asked', async () => {
    const other = await startDevChain({ port: 0, chainId: 31338 });
    try {
      const response = await fetch(other.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      expect(await response.json()).toMatchObject({ result: '0x7a6a' });
      expect(other.chainId).toBe(31338);
    } finally {
      await other.stop();
    }
  });

  it('frees the port once stop() resolves', async () => {
    const other = await startDevChain({ port: 0 });
    await other.stop();
    await expect(assertPortFree({ host: '127.0.0.1', port: other.port })).resolves.toBeUndefined();
    await other.stop();
  });
});

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

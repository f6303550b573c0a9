import { createTestClient, http, parseEther } from 'viem';
import type { Address } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevChain } from '../../../scripts/devChain/startDevChain.ts';
import type { StartDevChainReturnType } from '../../../scripts/devChain/startDevChain.ts';
import { InvalidChainParamsError } from '../../../shared/chains/errors.ts';
import { findNetwork } from '../../../shared/chains/findNetwork.ts';
import type { Network } from '../../../shared/chains/networks.ts';
import { createChainClient } from './createChainClient.ts';
import type { CreateChainClientParameters } from './createChainClient.ts';
import { ChainRpcError, RpcMethodNotAllowedError, RpcUnreachableError } from './errors.ts';
import { startFaultyRpcServer } from './startFaultyRpcServer.ts';
import type { FaultyRpcBehavior, StartFaultyRpcServerReturnType } from './startFaultyRpcServer.ts';

/** Hardhat's public test mnemonic: test material only. */
const testMnemonic = 'test test test test test test test test test test test junk';
const cooldownMs = 30_000;

const devNetwork = findNetwork(31337) as Network;
let devChain: StartDevChainReturnType;
const servers: StartFaultyRpcServerReturnType[] = [];

beforeAll(async () => {
  devChain = await startDevChain({ port: 0 });
});
afterAll(async () => {
  await devChain.stop();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function faultyServer(behavior: FaultyRpcBehavior): Promise<StartFaultyRpcServerReturnType> {
  const server = await startFaultyRpcServer({ behavior, upstreamUrl: devChain.rpcUrl });
  servers.push(server);
  return server;
}

function clientOver(rpcUrls: string[], options: Partial<CreateChainClientParameters> = {}) {
  const clock = { time: 1_000_000 };
  const client = createChainClient({
    network: devNetwork,
    rpcUrls,
    timeoutMs: 2_000,
    cooldownMs,
    now: () => clock.time,
    ...options,
  });
  return { client, clock };
}

function testClient() {
  return createTestClient({ mode: 'hardhat', transport: http(devChain.rpcUrl) });
}

describe('createChainClient', () => {
  it('forwards read-only requests to the node and answers with its raw result', async () => {
    const { client } = clientOver([devChain.rpcUrl]);
    const account = mnemonicToAccount(testMnemonic, { addressIndex: 0 });
    await expect(client.request({ method: 'eth_blockNumber' })).resolves.toMatch(/^0x[0-9a-f]+$/);
    await expect(
      client.request({ method: 'eth_getBalance', params: [account.address, 'latest'] }),
    ).resolves.toMatch(/^0x[0-9a-f]+$/);
    expect(client.chainId).toBe(31337);
  });

  it('fails over from an endpoint answering HTTP 500 to a live one and marks it unhealthy', async () => {
    const broken = await faultyServer('http-500');
    const { client } = clientOver([broken.url, devChain.rpcUrl]);

    await expect(client.request({ method: 'eth_blockNumber' })).resolves.toMatch(/^0x/);

    const [brokenHealth, liveHealth] = client.endpointHealth();
    expect(brokenHealth).toMatchObject({ rpcUrl: broken.url, isHealthy: false, failures: 1 });
    expect(brokenHealth?.lastError).toMatch(/HTTP request failed/);
    expect(liveHealth).toMatchObject({ rpcUrl: devChain.rpcUrl, isHealthy: true, failures: 0 });
    expect(liveHealth?.lastSuccessAt).toBe(1_000_000);
  });

  it('fails over from an endpoint that never answers once the timeout passes', async () => {
    const silent = await faultyServer('hang');
    const { client } = clientOver([silent.url, devChain.rpcUrl], { timeoutMs: 300 });

    const startedAt = performance.now();
    await expect(client.request({ method: 'eth_blockNumber' })).resolves.toMatch(/^0x/);
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(client.endpointHealth()[0]).toMatchObject({ isHealthy: false, failures: 1 });
    expect(client.endpointHealth()[0]?.lastError).toMatch(/took too long/);
  });

  it('never uses the answers of an endpoint that serves another chain', async () => {
    const impostor = await faultyServer('wrong-chain');
    const { client } = clientOver([impostor.url, devChain.rpcUrl]);

    const blockNumber = await client.request({ method: 'eth_blockNumber' });

    expect(blockNumber).not.toBe('0xdead');
    expect(impostor.methods).toEqual(['eth_chainId']);
    expect(client.endpointHealth()[0]?.lastError).toMatch(/chain\/chain-id-mismatch/);
  });

  it('counts an answer without a result as a failure of that endpoint', async () => {
    const mute = await faultyServer('no-result');
    const { client } = clientOver([mute.url, devChain.rpcUrl]);

    await expect(client.request({ method: 'eth_blockNumber' })).resolves.toMatch(/^0x/);
    expect(mute.methods).toEqual(['eth_chainId', 'eth_blockNumber']);
    expect(client.endpointHealth()[0]?.lastError).toMatch(/answer without a result/);
  });

  it('passes over a failed endpoint during its cool-down, then tries it again', async () => {
    const flaky = await faultyServer('http-500');
    const { client, clock } = clientOver([flaky.url, devChain.rpcUrl]);

    await client.request({ method: 'eth_blockNumber' });
    const seenAfterFailure = flaky.methods.length;
    clock.time += cooldownMs - 1;
    await client.request({ method: 'eth_blockNumber' });
    expect(flaky.methods).toHaveLength(seenAfterFailure);

    flaky.setBehavior('proxy');
    clock.time += 1;
    await client.request({ method: 'eth_blockNumber' });
    expect(flaky.methods.length).toBeGreaterThan(seenAfterFailure);
    expect(client.endpointHealth()[0]).toMatchObject({ isHealthy: true, failures: 0 });
  });

  it('reports chain/rpc-unreachable when every endpoint fails, and marks them all', async () => {
    const broken = await faultyServer('http-500');
    const silent = await faultyServer('hang');
    const closed = await startFaultyRpcServer({ behavior: 'http-500' });
    await closed.close();
    const { client } = clientOver([broken.url, silent.url, closed.url], { timeoutMs: 300 });

    const error = await client
      .request({ method: 'eth_blockNumber' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RpcUnreachableError);
    expect((error as RpcUnreachableError).code).toBe('chain/rpc-unreachable');
    expect((error as RpcUnreachableError).details).toMatchObject({
      method: 'eth_blockNumber',
      rpcUrls: [broken.url, silent.url, closed.url],
    });
    expect(client.endpointHealth().map((endpoint) => endpoint.isHealthy)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('passes a node error on as chain/rpc-error without asking another endpoint', async () => {
    const backup = await faultyServer('proxy');
    const { client } = clientOver([devChain.rpcUrl, backup.url]);

    // Init code that reverts at once: PUSH1 0 PUSH1 0 REVERT.
    const error = await client
      .request({ method: 'eth_call', params: [{ data: '0x60006000fd' }, 'latest'] })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ChainRpcError);
    expect((error as ChainRpcError).rpcCode).toBe(-32603);
    expect((error as ChainRpcError).rpcMessage).toMatch(/reverted/);
    expect(backup.methods).toEqual([]);
    expect(client.endpointHealth()[0]).toMatchObject({ isHealthy: true, failures: 0 });
  });

  it.each([
    'eth_sendTransaction',
    'eth_accounts',
    'eth_sign',
    'personal_sign',
    'eth_chainId',
    'net_version',
    'hardhat_setBalance',
  ])('refuses to forward %s, without contacting any endpoint', async (method) => {
    const counter = await faultyServer('proxy');
    const { client } = clientOver([counter.url]);
    const error = await client.request({ method }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RpcMethodNotAllowedError);
    expect((error as RpcMethodNotAllowedError).code).toBe('chain/method-not-allowed');
    expect(counter.methods).toEqual([]);
  });

  it('estimates fees and gas and counts pending transactions', async () => {
    const { client } = clientOver([devChain.rpcUrl]);
    const sender = mnemonicToAccount(testMnemonic, { addressIndex: 3 });

    const { maxFeePerGas, maxPriorityFeePerGas } = await client.estimateFees();
    expect(maxPriorityFeePerGas).toBeGreaterThan(0n);
    expect(maxFeePerGas).toBeGreaterThanOrEqual(maxPriorityFeePerGas);
    const gas = await client.estimateGas({ from: sender.address, to: sender.address, value: 1n });
    expect(gas >= 21_000n && gas < 22_000n).toBe(true);
    await expect(client.getTransactionCount(sender.address)).resolves.toBe(0);
  });

  it('broadcasts a signed transaction, and counts a resend of a pending one as sent', async () => {
    const { client } = clientOver([devChain.rpcUrl]);
    const sender = mnemonicToAccount(testMnemonic, { addressIndex: 4 });
    const recipient: Address = mnemonicToAccount(testMnemonic, { addressIndex: 5 }).address;
    const fees = await client.estimateFees();
    const serialized = await sender.signTransaction({
      chainId: 31337,
      type: 'eip1559',
      to: recipient,
      value: parseEther('0.5'),
      nonce: await client.getTransactionCount(sender.address, 'pending'),
      gas: 21_000n,
      ...fees,
    });
    const hardhat = testClient();
    await hardhat.setAutomine(false);
    try {
      const hash = await client.sendRawTransaction(serialized);
      await expect(client.getTransactionCount(sender.address, 'pending')).resolves.toBe(1);
      await expect(client.sendRawTransaction(serialized)).resolves.toBe(hash);
      await hardhat.mine({ blocks: 1 });
      const receipt = await client.publicClient.getTransactionReceipt({ hash });
      expect(receipt.status).toBe('success');
    } finally {
      await hardhat.setAutomine(true);
    }
  });

  it('reports a transaction the node refuses as chain/rpc-error with its message', async () => {
    const { client } = clientOver([devChain.rpcUrl]);
    const sender = mnemonicToAccount(testMnemonic, { addressIndex: 6 });
    const fees = await client.estimateFees();
    const tooLateNonce = await sender.signTransaction({
      chainId: 1,
      type: 'eip1559',
      to: sender.address,
      value: 1n,
      nonce: 0,
      gas: 21_000n,
      ...fees,
    });
    const error = await client.sendRawTransaction(tooLateNonce).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChainRpcError);
    expect((error as ChainRpcError).details.method).toBe('eth_sendRawTransaction');
  });

  it('reads the block number fresh, without viem’s 4-second cache', async () => {
    const { client } = clientOver([devChain.rpcUrl]);
    const before = await client.publicClient.getBlockNumber();
    await testClient().mine({ blocks: 1 });
    await expect(client.publicClient.getBlockNumber()).resolves.toBe(before + 1n);
  });

  it('refuses an empty or repeated endpoint list', () => {
    expect(() => createChainClient({ network: devNetwork, rpcUrls: [] })).toThrow(
      InvalidChainParamsError,
    );
    expect(() =>
      createChainClient({ network: devNetwork, rpcUrls: [devChain.rpcUrl, devChain.rpcUrl] }),
    ).toThrow(InvalidChainParamsError);
  });
});

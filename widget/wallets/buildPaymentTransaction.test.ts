import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, decodeEventLog, decodeFunctionData, http, parseAbi } from 'viem';
import type { PublicClient } from 'viem';
import { hardhat } from 'viem/chains';
import { deployTestTokens } from '../../scripts/contracts/deployTestTokens.ts';
import type { DeployTestTokensReturnType } from '../../scripts/contracts/deployTestTokens.ts';
import { startDevChain } from '../../scripts/devChain/startDevChain.ts';
import type { StartDevChainReturnType } from '../../scripts/devChain/startDevChain.ts';
import type { Eip1193Provider } from './Eip1193Provider.ts';
import { buildPaymentTransaction } from './buildPaymentTransaction.ts';
import { connectWallet } from './connectWallet.ts';
import { erc20Abi } from './erc20Abi.ts';
import { readPaymentBalance } from './readPaymentBalance.ts';
import { sendPayment } from './sendPayment.ts';

const reference = '0123456789abcdef0123456789abcdef';
const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const from = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

describe('buildPaymentTransaction', () => {
  it('calls transfer(recipient, amount) on the token, with the reference after the arguments', () => {
    const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
    const transaction = buildPaymentTransaction({
      quote: { token_address: token, recipient, reference, chain_id: 31337 },
      from,
      amount: 26_086_957n,
    });
    expect(transaction).toMatchObject({ from, to: token, value: '0x0', chainId: '0x7a69' });
    expect(transaction.data.endsWith(reference)).toBe(true);
    const call = transaction.data.slice(0, -reference.length) as `0x${string}`;
    expect(decodeFunctionData({ abi: erc20Abi, data: call })).toEqual({
      functionName: 'transfer',
      args: [recipient, 26_086_957n],
    });
  });

  it('sends the native coin as value, with the reference alone as data', () => {
    const transaction = buildPaymentTransaction({
      quote: { token_address: null, recipient, reference, chain_id: 31337 },
      from,
      amount: 8_695_652_173_913_044n,
    });
    expect(transaction).toEqual({
      from,
      to: recipient,
      value: '0x1ee4a64aea9bd4',
      data: `0x${reference}`,
      chainId: '0x7a69',
    });
  });

  it('refuses a quote it cannot pay safely', () => {
    const quote = { token_address: null, recipient, reference, chain_id: 31337 };
    expect(() => buildPaymentTransaction({ quote, from, amount: 0n })).toThrow(/amount/);
    expect(() =>
      buildPaymentTransaction({ quote: { ...quote, reference: 'AB' }, from, amount: 1n }),
    ).toThrow(/reference/);
    expect(() =>
      buildPaymentTransaction({ quote: { ...quote, recipient: '0x12' }, from, amount: 1n }),
    ).toThrow(/recipient/);
    expect(() =>
      buildPaymentTransaction({ quote: { ...quote, token_address: 'x' }, from, amount: 1n }),
    ).toThrow(/token_address/);
    expect(() => buildPaymentTransaction({ quote, from: 'me', amount: 1n })).toThrow(/from/);
  });
});

/** A plain EIP-1193 provider over JSON-RPC: the dev chain's node holds the test accounts unlocked. */
function httpProvider(rpcUrl: string): Eip1193Provider {
  let id = 0;
  return {
    async request({ method, params }) {
      id += 1;
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id, method, params: params ?? [] }),
      });
      const body = (await response.json()) as {
        result?: unknown;
        error?: { code: number; message: string };
      };
      // EIP-1193 errors are plain { code, message } objects, as wallets reject with.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (body.error !== undefined) throw body.error;
      return body.result;
    },
  };
}

describe('paying on the dev chain', () => {
  let chain: StartDevChainReturnType;
  let deployed: DeployTestTokensReturnType;
  let provider: Eip1193Provider;
  let client: PublicClient;

  beforeAll(async () => {
    chain = await startDevChain({ port: 0 });
    deployed = await deployTestTokens({ rpcUrl: chain.rpcUrl });
    provider = httpProvider(chain.rpcUrl);
    client = createPublicClient({ chain: hardhat, transport: http(chain.rpcUrl) });
  }, 120_000);
  afterAll(async () => {
    await chain.stop();
  });

  it('reads the account and chain of a wallet (the node knows eth_accounts, not eth_requestAccounts)', async () => {
    const wallet: Eip1193Provider = {
      request: ({ method, params }) =>
        provider.request({
          method: method === 'eth_requestAccounts' ? 'eth_accounts' : method,
          params,
        }),
    };
    expect(await connectWallet(wallet)).toEqual({ account: from.toLowerCase(), chainId: 31337 });
  });

  it('pays a USDC quote: the token moves and the transaction carries the reference', async () => {
    const quote = {
      token_address: deployed.tokens.USDC.address,
      recipient,
      reference,
      chain_id: 31337,
    };
    const before = await readPaymentBalance({ provider, account: from, quote });
    expect(before).toBe(1_000_000n * 10n ** 6n);
    const txHash = await sendPayment(
      provider,
      buildPaymentTransaction({ quote, from, amount: 26_086_957n }),
    );
    const receipt = await client.waitForTransactionReceipt({ hash: txHash });
    expect(receipt.status).toBe('success');
    const [log] = receipt.logs;
    expect(log?.address.toLowerCase()).toBe(deployed.tokens.USDC.address.toLowerCase());
    const transfer = decodeEventLog({
      abi: parseAbi(['event Transfer(address indexed from, address indexed to, uint256 value)']),
      data: log?.data ?? '0x',
      topics: log?.topics ?? [],
    });
    expect(transfer.args).toEqual({ from, to: recipient, value: 26_086_957n });
    const transaction = await client.getTransaction({ hash: txHash });
    expect(transaction.input.endsWith(reference)).toBe(true);
    expect(await readPaymentBalance({ provider, account: from, quote })).toBe(before - 26_086_957n);
  });

  it('pays an ETH quote: the value arrives and the data is the reference', async () => {
    const quote = { token_address: null, recipient, reference, chain_id: 31337 };
    const before = await readPaymentBalance({ provider, account: recipient, quote });
    const amount = 8_695_652_173_913_044n;
    const txHash = await sendPayment(provider, buildPaymentTransaction({ quote, from, amount }));
    expect((await client.waitForTransactionReceipt({ hash: txHash })).status).toBe('success');
    expect((await client.getTransaction({ hash: txHash })).input).toBe(`0x${reference}`);
    expect(await readPaymentBalance({ provider, account: recipient, quote })).toBe(before + amount);
  });

  it('refuses a transaction for another chain (the chainId guard reaches the node)', async () => {
    const quote = { token_address: null, recipient, reference, chain_id: 1 };
    await expect(
      sendPayment(provider, buildPaymentTransaction({ quote, from, amount: 1n })),
    ).rejects.toMatchObject({
      code: expect.any(Number) as number,
    });
  });
});

// `payment_to_webhook_ms`: a real dev chain, a real provider process (`provider/main.ts serve`
// with the dev stack's settings: one confirmation, the chain's WebSocket), a real merchant
// webhook server. Each run sends an ERC-20 transfer carrying a fresh quote's reference; the
// clock starts when the transaction is sent (Hardhat's automine mines its block within that
// call) and stops when the `checkout.session.settled` delivery for that session arrives.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keccak256 } from 'viem';
import { startPaymentsTestChain } from '../../provider/payments/startPaymentsTestChain.ts';
import { startWebhookReceiver } from '../../provider/webhooks/startWebhookReceiver.ts';
import { createProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import { startProviderProcess } from '../stack/startProviderProcess.ts';
import { median } from './Benchmark.ts';

export type BenchPaymentToWebhookParameters = {
  /** Measured runs, after one warm-up. Default 7. */
  runs?: number;
};

export type BenchPaymentToWebhookReturnType = { payment_to_webhook_ms: number };

export async function benchPaymentToWebhook({
  runs = 7,
}: BenchPaymentToWebhookParameters = {}): Promise<BenchPaymentToWebhookReturnType> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tp-bench-payments-'));
  const chain = await startPaymentsTestChain();
  const settledAt = new Map<string, number>();
  const receiver = await startWebhookReceiver({
    answer: (delivery) => {
      const arrivedAt = performance.now();
      const event = JSON.parse(delivery.body) as { type: string; data: { id: string } };
      if (event.type === 'checkout.session.settled') settledAt.set(event.data.id, arrivedAt);
      return { status: 204 };
    },
  });
  // Always the embedded PGlite in a fresh directory, whatever this shell's DATABASE_URL says.
  const env = { DATABASE_URL: '', LOG_LEVEL: 'warn' };
  let provider: Awaited<ReturnType<typeof startProviderProcess>> | undefined;
  try {
    const keys = await createMerchantKeys(dataDir, env);
    const port = await findFreePort();
    provider = await startProviderProcess({
      host: '127.0.0.1',
      port,
      dataDir,
      stackFile: join(dataDir, 'stack.json'),
      chain: { chainId: chain.chainId, rpcUrl: chain.rpcUrl },
      env,
    });
    const endpoint = await fetch(`${provider.url}/v1/webhook_endpoints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${keys.secretKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ url: receiver.url, enabled_events: ['checkout.session.settled'] }),
    });
    if (!endpoint.ok) throw new Error(`webhook endpoint refused: ${await endpoint.text()}`);
    const client = createProviderClient({ baseUrl: provider.url, secretKey: keys.secretKey });

    const timings: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const session = await client.createCheckoutSession({
        amount_minor: '1500',
        currency: 'USD',
        recipients: { '31337': chain.merchant },
        accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
      });
      const quote = await client.lockQuote(session.id, { chain_id: 31337, asset: 'USDC' });
      const signed = await chain.signTokenPayment('USDC', {
        reference: quote.reference,
        amount: BigInt(quote.amount),
      });
      const sentAt = performance.now();
      const receipt = await chain.sendRaw(signed);
      if (receipt.status !== 'success' || receipt.transactionHash !== keccak256(signed)) {
        throw new Error('the payment did not succeed on the dev chain');
      }
      const arrivedAt = await waitFor(() => settledAt.get(session.id), 15_000);
      if (run > 0) timings.push(arrivedAt - sentAt);
    }
    return { payment_to_webhook_ms: Math.round(median(timings)) };
  } finally {
    await provider?.stop();
    await receiver.close();
    await chain.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** `provider/main.ts merchant create --json`, as an operator would, before the provider starts. */
async function createMerchantKeys(
  dataDir: string,
  env: Record<string, string>,
): Promise<{ secretKey: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'provider/main.ts', 'merchant', 'create', '--name', 'Bench shop', '--json'],
    { env: { ...process.env, ...env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (exitCode !== 0) throw new Error(`merchant create exited with ${exitCode}`);
  return JSON.parse(output) as { secretKey: string };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function waitFor<Value>(read: () => Value | undefined, timeoutMs: number): Promise<Value> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`no settled webhook within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

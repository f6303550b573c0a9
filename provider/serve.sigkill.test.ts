import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startProviderProcess } from '../scripts/stack/startProviderProcess.ts';
import type { StartProviderProcessReturnType } from '../scripts/stack/startProviderProcess.ts';
import type { CheckoutQuote } from '../shared/providerApi/CheckoutQuote.ts';
import { createProviderClient } from '../shared/providerClient/createProviderClient.ts';
import { verifyWebhookSignature } from '../shared/webhooks/verifyWebhookSignature.ts';
import type { WebhookEvent } from '../shared/webhooks/WebhookEvent.ts';
import { startPaymentsTestChain } from './payments/startPaymentsTestChain.ts';
import type { PaymentsTestChain } from './payments/startPaymentsTestChain.ts';
import { startWebhookReceiver } from './webhooks/startWebhookReceiver.ts';
import type { WebhookReceiver } from './webhooks/startWebhookReceiver.ts';

// A real provider process (`provider/main.ts serve`) killed with SIGKILL while it detects
// payments and delivers webhooks, then started again on the same data: every expected event is
// delivered, and no state change is ever written twice (a merchant that deduplicates by event id
// sees exactly one pending and one settled per session). Deliveries in flight at the kill are
// sent again once their lease (60 s) ends: at least once, never lost.

const sessionCount = 12;
const leaseMs = 60_000;

type CrashDatabase = {
  name: string;
  /** DATABASE_URL for the provider; undefined: PGlite in its DATA_DIR. */
  url: string | undefined;
  create(): Promise<void>;
  drop(): Promise<void>;
};

/** PGlite on disk always; PostgreSQL too (a fresh schema) when TEST_DATABASE_URL is set. */
function crashDatabases(): CrashDatabase[] {
  const embedded: CrashDatabase = {
    name: 'PGlite on disk',
    url: undefined,
    create: async () => {},
    drop: async () => {},
  };
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (postgresUrl === undefined || postgresUrl === '') return [embedded];
  const schema = `tp_sigkill_${randomBytes(6).toString('hex')}`;
  const scoped = new URL(postgresUrl);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const run = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return [
    embedded,
    {
      name: 'PostgreSQL (TEST_DATABASE_URL)',
      url: scoped.toString(),
      create: () => run(`create schema ${schema}`),
      drop: () => run(`drop schema if exists ${schema} cascade`),
    },
  ];
}

describe.each(crashDatabases())('a provider killed mid-work, on $name', (database) => {
  let chain: PaymentsTestChain;
  let dataDir: string;
  let port: number;
  let env: Record<string, string>;
  let receiver: WebhookReceiver;
  let secret = '';
  const verified: WebhookEvent[] = [];
  const rejected: unknown[] = [];
  let provider: StartProviderProcessReturnType | undefined;

  beforeAll(async () => {
    await database.create();
    chain = await startPaymentsTestChain();
    dataDir = await mkdtemp(join(tmpdir(), 'tp-sigkill-'));
    port = await findFreePort();
    env = {
      DATABASE_URL: database.url ?? '',
      LOG_LEVEL: 'warn',
      CHAIN_POLL_INTERVAL_MS: '50',
      WEBHOOK_DISPATCH_INTERVAL_MS: '50',
      // The chain is the same across restarts here: the watcher must resume, not forget.
      FORGET_CHAIN_HISTORY: '',
    };
    receiver = await startWebhookReceiver({
      answer: (delivery) => {
        try {
          verified.push(
            verifyWebhookSignature({
              payload: delivery.body,
              header: delivery.headers['tp-signature'],
              secret,
            }),
          );
          // Slow enough that a kill often lands while a delivery is in flight.
          return { status: 200, delayMs: 40 };
        } catch (error) {
          rejected.push(error);
          return { status: 400 };
        }
      },
    });
  });

  afterAll(async () => {
    await provider?.kill();
    await receiver.close();
    await chain.stop();
    await rm(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  const start = () =>
    startProviderProcess({
      host: '127.0.0.1',
      port,
      dataDir,
      stackFile: join(dataDir, 'stack.json'),
      chain: { chainId: chain.chainId, rpcUrl: chain.rpcUrl },
      env,
    });

  test(
    'every event is delivered and none is written twice',
    async () => {
      const keys = await createMerchantKeys(dataDir, env);
      provider = await start();
      const endpoint = await fetch(`${provider.url}/v1/webhook_endpoints`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${keys.secretKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ url: receiver.url, enabled_events: ['*'] }),
      });
      expect(endpoint.status).toBe(200);
      ({ secret } = (await endpoint.json()) as { secret: string });
      const client = createProviderClient({ baseUrl: provider.url, secretKey: keys.secretKey });
      const quotes: CheckoutQuote[] = [];
      for (let index = 0; index < sessionCount; index++) {
        const session = await client.createCheckoutSession({
          amount_minor: String(1000 + index),
          currency: 'USD',
          recipients: { '31337': chain.merchant },
          accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
          expires_in: 3600,
        });
        quotes.push(await client.lockQuote(session.id, { chain_id: 31337, asset: 'USDC' }));
      }
      const pay = (quote: CheckoutQuote) =>
        chain.payToken('USDC', { reference: quote.reference, amount: BigInt(quote.amount) });

      // Round 1: four payments, killed 30 ms after the last while the watcher and the
      // dispatcher are at work.
      for (const quote of quotes.slice(0, 4)) await pay(quote);
      await sleep(30);
      await provider.kill();
      const atFirstKill = verified.length;
      // Paid while the provider is down: found from the cursor on restart.
      for (const quote of quotes.slice(4, 7)) await pay(quote);

      // Round 2: up again, more payments, killed again mid-work.
      provider = await start();
      for (const quote of quotes.slice(7, 10)) await pay(quote);
      await sleep(60);
      await provider.kill();
      const atSecondKill = verified.length;

      // Round 3: up for good; the last payments.
      provider = await start();
      for (const quote of quotes.slice(10)) await pay(quote);

      const sessionIds = quotes.map((quote) => quote.session_id);
      const uniqueEvents = () => {
        const byId = new Map<string, WebhookEvent>();
        for (const event of verified) byId.set(event.id, event);
        return [...byId.values()];
      };
      await expect
        .poll(
          () => uniqueEvents().filter((event) => event.type === 'checkout.session.settled').length,
          { timeout: leaseMs + 60_000, interval: 200 },
        )
        .toBe(sessionCount);
      // Give stragglers (retries of what was already delivered) a moment to show themselves.
      await sleep(500);

      const events = uniqueEvents();
      for (const sessionId of sessionIds) {
        const types = events
          .filter((event) => (event.data as { id: string }).id === sessionId)
          .map((event) => event.type)
          .sort();
        expect({ sessionId, types }).toEqual({
          sessionId,
          types: ['checkout.session.pending', 'checkout.session.settled'],
        });
      }
      expect(events).toHaveLength(2 * sessionCount);
      expect(rejected).toEqual([]);
      const sessions = await Promise.all(sessionIds.map((id) => client.getCheckoutSession(id)));
      expect(sessions.map((session) => session.status)).toEqual(sessionIds.map(() => 'settled'));
      // At least once: a delivery in flight at a kill may have arrived twice, with one id.
      console.info(
        `${verified.length} deliveries for ${events.length} events ` +
          `(${verified.length - events.length} repeated after a kill); delivered before the ` +
          `first kill: ${atFirstKill} of 8, before the second: ${atSecondKill} of 20`,
      );
    },
    leaseMs + 180_000,
  );
});

/** `provider/main.ts merchant create --json`, as an operator would, before the provider starts. */
async function createMerchantKeys(
  dataDir: string,
  env: Record<string, string>,
): Promise<{ secretKey: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'provider/main.ts', 'merchant', 'create', '--name', 'Crash shop', '--json'],
    { env: { ...process.env, ...env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (exitCode !== 0) throw new Error(`merchant create exited with ${exitCode}: ${errors}`);
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

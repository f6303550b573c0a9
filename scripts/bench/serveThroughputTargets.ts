// Child process of benchProviderThroughput: serves the two targets it measures, apart from the
// load generator (on a 2-core machine, autocannon in the server's process would take the CPU
// the server needs). Prints one JSON line with the URLs and what to request, then serves until
// its stdin closes (the parent exited or is done), and cleans up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildServer } from '../../provider/buildServer.ts';
import { migrate } from '../../provider/db/migrate.ts';
import { openPgliteDatabase } from '../../provider/db/openPgliteDatabase.ts';
import { createMerchant } from '../../provider/merchants/createMerchant.ts';

/** What the parent reads from the first line of stdout. */
export type ThroughputTargets = {
  bareUrl: string;
  providerUrl: string;
  sessionId: string;
  publishableKey: string;
};

// The bench measures the request path, not the limiter: a 429 would be a fast non-answer.
const unlimited = { capacity: 1_000_000_000, refillPerSecond: 1_000_000_000 };

const dataDir = mkdtempSync(join(tmpdir(), 'tp-bench-provider-'));
const db = await openPgliteDatabase({ dataDir });
await migrate({ db });

const bare = Fastify();
bare.get('/', () => Promise.resolve({ hello: 'world' }));
const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

const provider = await buildServer({ db, rateLimits: { perIp: unlimited, perKey: unlimited } });
const providerUrl = await provider.listen({ host: '127.0.0.1', port: 0 });

const { secretKey, publishableKey } = await createMerchant({
  db,
  name: 'Bench shop',
  now: () => new Date(),
});
const created = await fetch(`${providerUrl}/v1/checkout/sessions`, {
  method: 'POST',
  headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
  body: JSON.stringify({
    amount_minor: '2400',
    currency: 'EUR',
    recipients: { '31337': '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
    accepted_assets: [
      { chain_id: 31337, asset: 'USDC' },
      { chain_id: 31337, asset: 'ETH' },
    ],
    expires_in: 86_400,
  }),
});
if (!created.ok) throw new Error(`session not created: ${created.status} ${await created.text()}`);
const { id: sessionId } = (await created.json()) as { id: string };

const targets: ThroughputTargets = { bareUrl, providerUrl, sessionId, publishableKey };
process.stdout.write(`${JSON.stringify(targets)}\n`);

let isClosing = false;
async function close(): Promise<void> {
  if (isClosing) return;
  isClosing = true;
  await bare.close();
  await provider.close();
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.stdin.on('end', () => void close());
process.stdin.on('close', () => void close());
process.stdin.resume();
process.on('SIGTERM', () => void close());

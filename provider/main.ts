// CLI entry: `npx tsx provider/main.ts serve`. Settings come from the environment (see
// config/readConfig.ts); logs are JSON lines on stdout, fatal errors one plain message on stderr.
import { join } from 'node:path';
import { readConfig } from './config/readConfig.ts';
import type { Database } from './db/Database.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/openDatabase.ts';
import { runMerchantCommand } from './merchants/runMerchantCommand.ts';
import { loadOnrampSettings } from './onramp/loadOnrampSettings.ts';
import { serve } from './serve.ts';
import { readSubscriptionServeSettings } from './subscriptions/readSubscriptionServeSettings.ts';
import { TpError } from '../shared/errors/TpError.ts';

const usage = `usage: tsx provider/main.ts serve
       tsx provider/main.ts merchant create --name <name> [--json]

  PROVIDER_PORT  port to listen on (default 8787)
  PROVIDER_HOST  address to listen on (default 127.0.0.1)
  DATA_DIR       where the embedded PGlite keeps its files (default .data)
  DATABASE_URL   postgres://… to use a PostgreSQL server instead of PGlite
  RATES_MODE     local (fixed offline rates, default) or live (market APIs)
  LOG_LEVEL      pino level (default info)
  METRICS_TOKEN  when set, GET /metrics needs Authorization: Bearer <token>

  Payment detection, one chain per CHAIN_RPC_URLS_<chainId> (none set: no chain is watched):
  CHAIN_RPC_URLS_<chainId>      comma-separated http(s):// or ws(s):// JSON-RPC URLs of different
                                providers; a quorum of them must agree on every fact
  CONFIRMATIONS_<chainId>       blocks before a payment counts (default 1 on 31337, else 12)
  CHAIN_POLL_INTERVAL_MS        how often each chain is polled for a new head (default 1000)
  WEBHOOK_DISPATCH_INTERVAL_MS  how often due webhook deliveries are looked for (default 1000)
  ALLOW_INSECURE_WEBHOOK_URLS   true: accept http://localhost webhook endpoints (development only)
  FORGET_CHAIN_HISTORY          chain ids started afresh: the watcher forgets their blocks at start
                                (development only: the dev stack's chain restarts on every run)

  On-ramp (provider/onramp/README.md; none set: no on-ramp):
  ONRAMP_CONFIG_FILE            JSON: adapters (moonpay, transak, sandbox), compliance, publicUrl
  ONRAMP_COMPLIANCE_FILE        the compliance policy (required with a real on-ramp)
  ONRAMP_SANDBOX_RPC_URL        the dev chain, for the sandbox on-ramp without a config file
  ONRAMP_SANDBOX_FUNDING_KEY    the private key the sandbox pays out from
  ONRAMP_SANDBOX_CHAIN_ID       the sandbox's chain (default 31337)
  PROVIDER_PUBLIC_URL           the provider's public origin, for the pages it serves

  Subscriptions (provider/subscriptions/README.md):
  SUBSCRIPTION_SWEEP_INTERVAL_MS  how often renewals and grace periods are looked at (default 5000)
  DEV_CLOCK_FILE                development and tests only: a file holding milliseconds to add to
                                the provider's clock (the dev stack's tests move time with it)

  merchant create prints a new merchant's secret and publishable keys. With the embedded PGlite,
  run it while the provider is stopped: one process at a time may open DATA_DIR.`;

const closeTimeoutMs = 10_000;

await main(process.argv.slice(2));

async function main(args: string[]): Promise<void> {
  const [command] = args;
  if (command === '--help' || command === '-h') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (command === 'merchant') {
    await runMerchant(args.slice(1));
    return;
  }
  if (command !== 'serve' || args.length > 1) {
    process.stderr.write(`${usage}\n`);
    process.exitCode = 2;
    return;
  }

  let running: Awaited<ReturnType<typeof serve>>;
  try {
    const config = readConfig(process.env);
    const onramp = await loadOnrampSettings({ env: process.env });
    const subscriptions = readSubscriptionServeSettings({ env: process.env });
    running = await serve({
      config,
      onramp,
      now: subscriptions.now,
      subscriptionSweepIntervalMs: subscriptions.sweepIntervalMs,
      logger: { level: process.env.LOG_LEVEL ?? 'info' },
    });
  } catch (error) {
    fail(error);
    return;
  }

  let isShuttingDown = false;
  const shutDown = (signal: NodeJS.Signals): void => {
    if (isShuttingDown) {
      process.stderr.write(`${signal} again: exiting without waiting.\n`);
      process.exit(1);
    }
    isShuttingDown = true;
    running.app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      process.stderr.write(`shutdown took longer than ${closeTimeoutMs} ms: exiting.\n`);
      process.exit(1);
    }, closeTimeoutMs);
    timer.unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        fail(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);
}

async function runMerchant(args: string[]): Promise<void> {
  let db: Database | undefined;
  try {
    const config = readConfig(process.env);
    process.exitCode = await runMerchantCommand({
      args,
      database: async () => {
        db = await openDatabase({
          databaseUrl: config.databaseUrl,
          dataDir: join(config.dataDir, 'provider-db'),
        });
        await migrate({ db });
        return db;
      },
      now: () => new Date(),
      write: (text) => process.stdout.write(text),
      writeError: (text) => process.stderr.write(text),
    });
  } catch (error) {
    fail(error);
  } finally {
    await db?.close();
  }
}

/** Errors we expected get their one line; only a surprise gets its stack. */
function fail(error: unknown): void {
  const text =
    error instanceof TpError
      ? error.shortMessage
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`${text}\n`);
  process.exitCode = 1;
}

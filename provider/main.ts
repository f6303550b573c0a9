// CLI entry: `npx tsx provider/main.ts serve`. Settings come from the environment (see
// config/readConfig.ts); logs are JSON lines on stdout, fatal errors one plain message on stderr.
import { readConfig } from './config/readConfig.ts';
import { serve } from './serve.ts';
import { TpError } from '../shared/errors/TpError.ts';

const usage = `usage: tsx provider/main.ts serve

  PROVIDER_PORT  port to listen on (default 8787)
  PROVIDER_HOST  address to listen on (default 127.0.0.1)
  DATA_DIR       where the embedded PGlite keeps its files (default .data)
  DATABASE_URL   postgres://… to use a PostgreSQL server instead of PGlite
  LOG_LEVEL      pino level (default info)`;

const closeTimeoutMs = 10_000;

await main(process.argv.slice(2));

async function main(args: string[]): Promise<void> {
  const [command] = args;
  if (command === '--help' || command === '-h') {
    process.stdout.write(`${usage}\n`);
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
    running = await serve({ config, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
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

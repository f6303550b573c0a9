import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildServer } from './buildServer.ts';
import type { ProviderConfig } from './config/readConfig.ts';
import type { Database } from './db/Database.ts';
import type { MigrateErrorType } from './db/migrate.ts';
import { migrate } from './db/migrate.ts';
import type { OpenDatabaseErrorType } from './db/openDatabase.ts';
import { openDatabase } from './db/openDatabase.ts';
import { DatabaseUnreachableError } from './db/errors.ts';
import { PortInUseError } from './errors.ts';
import { createLiveRateSettings } from './rateBook/createLiveRateSettings.ts';
import { createLocalRateSettings } from './rateBook/createLocalRateSettings.ts';

export type ServeParameters = {
  config: ProviderConfig;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
};

export type ServeReturnType = {
  /** `http://host:port`, with the real port when the config asked for 0. */
  url: string;
  app: FastifyInstance;
  db: Database;
  /** Stops accepting requests, lets running ones finish, then closes the database. */
  close(): Promise<void>;
};

export type ServeErrorType =
  PortInUseError | OpenDatabaseErrorType | DatabaseUnreachableError | MigrateErrorType;

/** Opens and migrates the database, then listens. Everything opened is closed again on failure. */
export async function serve({ config, logger, now }: ServeParameters): Promise<ServeReturnType> {
  const { host, port } = config;
  // Checked before the database is opened: PGlite does not lock its directory, so a second
  // stack on the same DATA_DIR must stop here rather than open it too.
  await assertPortIsFree({ host, port });

  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: join(config.dataDir, 'provider-db'),
  });
  let app: FastifyInstance | undefined;
  try {
    await db.query('select 1').catch((cause: unknown) => {
      throw new DatabaseUnreachableError({ kind: db.kind, cause });
    });
    const { applied } = await migrate({ db });
    app = await buildServer({
      db,
      logger,
      rates: config.ratesMode === 'live' ? createLiveRateSettings() : createLocalRateSettings(),
      ...(now === undefined ? {} : { now }),
    });
    if (applied.length > 0) app.log.info({ applied }, 'database migrated');
    const url = await listen(app, { host, port });
    app.log.info({ url, storage: db.kind }, `TP Provider API listening on ${url}`);
    const server = app;
    return {
      url,
      app: server,
      db,
      async close() {
        try {
          await server.close();
        } finally {
          await db.close();
        }
      },
    };
  } catch (error) {
    await app?.close();
    await db.close();
    throw error;
  }
}

async function listen(
  app: FastifyInstance,
  { host, port }: { host: string; port: number },
): Promise<string> {
  try {
    return await app.listen({ host, port });
  } catch (error) {
    if (isAddressInUse(error)) throw new PortInUseError({ host, port, cause: error });
    throw error;
  }
}

function assertPortIsFree({ host, port }: { host: string; port: number }): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => {
      reject(isAddressInUse(error) ? new PortInUseError({ host, port, cause: error }) : error);
    });
    probe.listen({ host, port, exclusive: true }, () => {
      probe.close(() => {
        resolve();
      });
    });
  });
}

function isAddressInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}

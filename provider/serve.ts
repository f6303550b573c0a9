import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildServer } from './buildServer.ts';
import { createExpirySweeper } from './checkout/createExpirySweeper.ts';
import type { ExpirySweeper } from './checkout/createExpirySweeper.ts';
import { createPaymentDetection } from './checkout/createPaymentDetection.ts';
import { forgetChainHistory } from './checkout/forgetChainHistory.ts';
import type { PaymentDetection } from './checkout/createPaymentDetection.ts';
import type { ProviderConfig } from './config/readConfig.ts';
import type { Database } from './db/Database.ts';
import type { MigrateErrorType } from './db/migrate.ts';
import { migrate } from './db/migrate.ts';
import type { OpenDatabaseErrorType } from './db/openDatabase.ts';
import { openDatabase } from './db/openDatabase.ts';
import { DatabaseUnreachableError } from './db/errors.ts';
import { PortInUseError } from './errors.ts';
import { createLiveRateSettings } from './rateBook/createLiveRateSettings.ts';
import type { PaymentsLogger } from './payments/PaymentsLogger.ts';
import { createLocalRateSettings } from './rateBook/createLocalRateSettings.ts';
import { createOnrampExpirySweeper } from './onramp/createOnrampExpirySweeper.ts';
import type { OnrampExpirySweeper } from './onramp/createOnrampExpirySweeper.ts';
import type { OnrampSettings } from './onramp/OnrampSettings.ts';
import { onCheckoutSessionSettled } from './subscriptions/onCheckoutSessionSettled.ts';

export type ServeParameters = {
  config: ProviderConfig;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** From `loadOnrampSettings({ env })`; none: the on-ramp routes answer `onramp_unavailable`. */
  onramp?: OnrampSettings | undefined;
  /** How often the subscription sweeper runs here (`readSubscriptionServeSettings`); none: off. */
  subscriptionSweepIntervalMs?: number | undefined;
};

export type ServeReturnType = {
  /** `http://host:port`, with the real port when the config asked for 0. */
  url: string;
  app: FastifyInstance;
  db: Database;
  /** One chain watcher per configured chain (none without `CHAIN_RPC_URLS_<chainId>`). */
  paymentDetection: PaymentDetection;
  expirySweeper: ExpirySweeper;
  /** Expires unstarted on-ramp orders on an interval (only when an on-ramp is configured). */
  onrampExpirySweeper: OnrampExpirySweeper | undefined;
  /**
   * Stops the chain watchers and the expiry sweeper (after their running step), stops accepting
   * requests and lets running ones finish (the webhook dispatcher stops with the server), then
   * closes the database.
   */
  close(): Promise<void>;
};

export type ServeErrorType =
  PortInUseError | OpenDatabaseErrorType | DatabaseUnreachableError | MigrateErrorType;

/**
 * Opens and migrates the database, then listens and starts the background work: a chain watcher
 * per configured chain, the expiry sweepers (sessions; on-ramp orders when an on-ramp is
 * configured) and the webhook dispatcher (each safe to run in
 * several processes on one database). Everything opened is closed again on failure.
 */
export async function serve({
  config,
  logger,
  now = () => new Date(),
  onramp,
  subscriptionSweepIntervalMs,
}: ServeParameters): Promise<ServeReturnType> {
  const { host, port } = config;
  // Checked before the database is opened: PGlite does not lock its directory, so a second
  // stack on the same DATA_DIR must stop here rather than open it too.
  await assertPortIsFree({ host, port });

  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: join(config.dataDir, 'provider-db'),
  });
  let app: FastifyInstance | undefined;
  // The watchers log through the server's logger, which exists only once the server is built.
  const log: PaymentsLogger = {
    info: (details, message) => app?.log.info(details, message),
    warn: (details, message) => app?.log.warn(details, message),
    error: (details, message) => app?.log.error(details, message),
  };
  let paymentDetection: PaymentDetection | undefined;
  let expirySweeper: ExpirySweeper | undefined;
  let onrampExpirySweeper: OnrampExpirySweeper | undefined;
  const stopBackgroundWork = async () => {
    await Promise.all([
      paymentDetection?.stop(),
      expirySweeper?.stop(),
      onrampExpirySweeper?.stop(),
    ]);
  };
  try {
    paymentDetection = createPaymentDetection({
      db,
      chains: config.chains,
      now,
      log,
      pollIntervalMs: config.chainPollIntervalMs,
      // A paid session may be a subscription's first payment or a renewal.
      onSessionPaid: onCheckoutSessionSettled,
    });
    expirySweeper = createExpirySweeper({
      db,
      now,
      onError: (error) => {
        log.error({ err: error }, 'expiry sweep failed');
      },
    });
    if (onramp !== undefined) {
      onrampExpirySweeper = createOnrampExpirySweeper({
        db,
        now,
        adapters: onramp.adapters,
        onError: (error) => {
          log.error({ err: error }, 'on-ramp expiry sweep failed');
        },
      });
    }
    await db.query('select 1').catch((cause: unknown) => {
      throw new DatabaseUnreachableError({ kind: db.kind, cause });
    });
    const { applied } = await migrate({ db });
    const forgotten: { chainId: number; droppedPayments: number }[] = [];
    for (const chainId of config.forgetChainHistory) {
      const { droppedPayments } = await forgetChainHistory({ db, chainId, now: now() });
      forgotten.push({ chainId, droppedPayments });
    }
    app = await buildServer({
      db,
      logger,
      rates: config.ratesMode === 'live' ? createLiveRateSettings() : createLocalRateSettings(),
      now,
      chains: paymentDetection.chains,
      metricsToken: config.metricsToken,
      webhooks: {
        allowInsecureWebhookUrls: config.allowInsecureWebhookUrls,
        dispatcher: { intervalMs: config.webhookDispatchIntervalMs },
      },
      ...(onramp === undefined ? {} : { onramp }),
      ...(subscriptionSweepIntervalMs === undefined
        ? {}
        : { subscriptions: { sweeper: { intervalMs: subscriptionSweepIntervalMs } } }),
    });
    if (applied.length > 0) app.log.info({ applied }, 'database migrated');
    if (forgotten.length > 0) {
      app.log.warn({ chains: forgotten }, 'chain history forgotten (FORGET_CHAIN_HISTORY)');
    }
    const url = await listen(app, { host, port });
    paymentDetection.start();
    expirySweeper.start();
    onrampExpirySweeper?.start();
    app.log.info(
      {
        url,
        storage: db.kind,
        chains: config.chains.map(({ chainId, rpcUrls, confirmations }) => ({
          chainId,
          endpoints: rpcUrls.length,
          confirmations,
        })),
        onramp: onramp?.adapters.map(({ id }) => id) ?? [],
      },
      `TP Provider API listening on ${url}`,
    );
    const server = app;
    return {
      url,
      app: server,
      db,
      paymentDetection,
      expirySweeper,
      onrampExpirySweeper,
      async close() {
        try {
          await stopBackgroundWork();
          await server.close();
        } finally {
          await db.close();
        }
      },
    };
  } catch (error) {
    await stopBackgroundWork();
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

// Test support: a provider listening on a free local port, on a database the caller opened
// (once per test file: PGlite takes seconds to start), with a settable clock, the local rate
// sources refreshed by hand, and a merchant with its keys.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../buildServer.ts';
import type { BuildServerParameters, RateLimitSettings } from '../buildServer.ts';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { createMerchant } from '../merchants/createMerchant.ts';
import { createLocalRateSettings } from '../rateBook/createLocalRateSettings.ts';
import { createProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';

export type TestClock = {
  now: () => Date;
  set(date: Date): void;
  advance(ms: number): void;
};

export type TestMerchant = { id: string; secretKey: string; publishableKey: string };

export type StartTestProviderParameters = {
  db: Database;
  start?: Date;
  rateLimits?: RateLimitSettings;
} & Pick<
  BuildServerParameters,
  'rates' | 'fetch' | 'quoteTtlSeconds' | 'chains' | 'reportPaymentWaitMs' | 'webhooks'
>;

export type StartTestProviderReturnType = {
  app: FastifyInstance;
  url: string;
  clock: TestClock;
  merchant: TestMerchant;
  createMerchant(name?: string): Promise<TestMerchant>;
  /** A client of this server with the given keys (none: public routes only). */
  client(keys?: { secretKey?: string; publishableKey?: string }): ProviderClient;
  close(): Promise<void>;
};

export const testStart = new Date('2026-01-31T12:00:00.000Z');

const unlimited = { capacity: 1_000_000, refillPerSecond: 1_000_000 };

export async function startTestProvider({
  db,
  start = testStart,
  rateLimits = { perIp: unlimited, perKey: unlimited },
  rates = createLocalRateSettings({ refreshIntervalMs: null }),
  ...options
}: StartTestProviderParameters): Promise<StartTestProviderReturnType> {
  await migrate({ db });
  let nowMs = start.getTime();
  const clock: TestClock = {
    now: () => new Date(nowMs),
    set: (date) => {
      nowMs = date.getTime();
    },
    advance: (ms) => {
      nowMs += ms;
    },
  };
  const app = await buildServer({ db, now: clock.now, rateLimits, rates, ...options });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const addMerchant = async (name = 'Test shop'): Promise<TestMerchant> => {
    const created = await createMerchant({ db, name, now: clock.now });
    return {
      id: created.merchant.id,
      secretKey: created.secretKey,
      publishableKey: created.publishableKey,
    };
  };
  return {
    app,
    url,
    clock,
    merchant: await addMerchant(),
    createMerchant: addMerchant,
    client: (keys = {}) => createProviderClient({ baseUrl: url, ...keys }),
    close: () => app.close(),
  };
}

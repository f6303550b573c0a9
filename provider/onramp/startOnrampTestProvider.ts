// Test support: a provider with on-ramp settings, listening on a free local port, on a database
// the caller opened, with a settable clock and a merchant. (startTestProvider takes no on-ramp
// settings; this is the same with them.)
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../buildServer.ts';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { createMerchant } from '../merchants/createMerchant.ts';
import { createLocalRateSettings } from '../rateBook/createLocalRateSettings.ts';
import type { TestClock, TestMerchant } from '../testing/startTestProvider.ts';
import { testStart } from '../testing/startTestProvider.ts';
import type { OnrampSettings } from './OnrampSettings.ts';

export type StartOnrampTestProviderParameters = {
  db: Database;
  onramp: OnrampSettings;
  start?: Date;
};

export type StartOnrampTestProviderReturnType = {
  app: FastifyInstance;
  url: string;
  clock: TestClock;
  merchant: TestMerchant;
  createMerchant(name?: string): Promise<TestMerchant>;
  close(): Promise<void>;
};

const unlimited = { capacity: 1_000_000, refillPerSecond: 1_000_000 };

export async function startOnrampTestProvider({
  db,
  onramp,
  start = testStart,
}: StartOnrampTestProviderParameters): Promise<StartOnrampTestProviderReturnType> {
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
  const app = await buildServer({
    db,
    now: clock.now,
    rateLimits: { perIp: unlimited, perKey: unlimited },
    rates: createLocalRateSettings({ refreshIntervalMs: null }),
    webhooks: { dispatcher: false },
    onramp,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  await app.rates.refresh();
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
    close: () => app.close(),
  };
}

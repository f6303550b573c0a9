import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { verifyWebhookSignature } from '../../shared/webhooks/verifyWebhookSignature.ts';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { createMerchant } from '../merchants/createMerchant.ts';
import { createWebhookDispatcher, webhookMaxAgeMs } from './createWebhookDispatcher.ts';
import type { CreateWebhookDispatcherParameters } from './createWebhookDispatcher.ts';
import { createWebhookEndpoint } from './createWebhookEndpoint.ts';
import type { WebhookFetch } from './deliverWebhook.ts';
import { enqueueWebhookEvent } from './enqueueWebhookEvent.ts';
import { InvalidWebhookDispatcherOptionsError } from './errors.ts';
import { startWebhookReceiver } from './startWebhookReceiver.ts';
import type { WebhookReceiver, WebhookReceiverAnswer } from './startWebhookReceiver.ts';

const start = new Date('2030-01-01T00:00:00.000Z');
/** 30 s, 60 s, 120 s … capped at 1 h, without jitter: exact schedules to assert. */
const fixedBackoff = (attempt: number): number => Math.min(3_600_000, 30_000 * 2 ** (attempt - 1));

type DeliveryRow = {
  status: string;
  attempt_count: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
};

describe.each(testDatabases())('createWebhookDispatcher on $name', ({ open }) => {
  let db: Database;
  let merchantId: string;
  let clock: Date;
  const now = (): Date => clock;
  let receiver: WebhookReceiver;
  let answers: WebhookReceiverAnswer[];

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
    merchantId = (await createMerchant({ db, name: 'Shop', now: () => start })).merchant.id;
    // Answers in order, then 200 for ever.
    receiver = await startWebhookReceiver({
      answer: (_request, index) => answers[index] ?? { status: 200 },
    });
  });

  afterAll(async () => {
    await receiver.close();
    await db.close();
  });

  beforeEach(async () => {
    clock = start;
    answers = [];
    receiver.received.length = 0;
    await db.exec(
      'delete from webhook_deliveries; delete from webhook_events; delete from webhook_endpoints;',
    );
  });

  async function endpoint(url = receiver.url): Promise<{ id: string; secret: string }> {
    return createWebhookEndpoint(db, { merchantId, url, enabledEvents: ['*'], now: start });
  }

  async function enqueue(data: Record<string, unknown> = { id: 'cs_1' }): Promise<string> {
    const { event } = await db.transaction((session) =>
      enqueueWebhookEvent(session, {
        merchantId,
        type: 'checkout.session.settled',
        data,
        now: clock,
      }),
    );
    return event.id;
  }

  async function delivery(eventId: string): Promise<DeliveryRow | undefined> {
    const { rows } = await db.query<DeliveryRow>(
      `select status, attempt_count, next_attempt_at, last_attempt_at, last_status_code, last_error,
              delivered_at
       from webhook_deliveries where event_id = $1`,
      [eventId],
    );
    return rows[0];
  }

  function dispatcher(options: Partial<CreateWebhookDispatcherParameters> = {}) {
    return createWebhookDispatcher({ db, now, backoff: fixedBackoff, ...options });
  }

  test('delivers a signed event that the merchant verifies with the shared helper', async () => {
    const { secret } = await endpoint();
    const eventId = await enqueue({ id: 'cs_1', amount_minor: '2400' });

    const round = await dispatcher().runOnce();

    expect(round).toEqual({ claimed: 1, delivered: 1, retrying: 0, failed: 0, stale: 0 });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request?.headers['content-type']).toBe('application/json');
    const event = verifyWebhookSignature({
      payload: request?.body ?? '',
      header: request?.headers['tp-signature'],
      secret,
      now,
    });
    expect(event).toEqual({
      id: eventId,
      object: 'event',
      type: 'checkout.session.settled',
      created_at: start.toISOString(),
      data: { id: 'cs_1', amount_minor: '2400' },
    });
    expect(await delivery(eventId)).toMatchObject({
      status: 'delivered',
      attempt_count: 1,
      next_attempt_at: null,
      last_status_code: 200,
      delivered_at: start,
    });
  });

  test('signs with the signing clock: a receiver whose clock is 6 minutes off refuses it', async () => {
    const { secret } = await endpoint();
    await enqueue();
    const skewed = new Date(start.getTime() - 6 * 60_000);
    await dispatcher({ signingClock: () => skewed }).runOnce();
    const [request] = receiver.received;
    expect(() =>
      verifyWebhookSignature({
        payload: request?.body ?? '',
        header: request?.headers['tp-signature'],
        secret,
        now,
      }),
    ).toThrow(/too old/);
  });

  test('retries a 500 with exponential backoff, then delivers (no sleeping: the clock is moved)', async () => {
    await endpoint();
    answers = [{ status: 500 }, { status: 503 }];
    const eventId = await enqueue();
    const worker = dispatcher();

    expect((await worker.runOnce()).retrying).toBe(1);
    expect(await delivery(eventId)).toMatchObject({
      status: 'pending',
      attempt_count: 1,
      last_status_code: 500,
      last_error: 'HTTP 500',
      next_attempt_at: new Date(start.getTime() + 30_000),
    });

    clock = new Date(start.getTime() + 29_999);
    expect((await worker.runOnce()).claimed).toBe(0);

    clock = new Date(start.getTime() + 30_000);
    expect((await worker.runOnce()).retrying).toBe(1);
    expect((await delivery(eventId))?.next_attempt_at).toEqual(new Date(start.getTime() + 90_000));

    clock = new Date(start.getTime() + 90_000);
    expect((await worker.runOnce()).delivered).toBe(1);
    expect(await delivery(eventId)).toMatchObject({
      status: 'delivered',
      attempt_count: 3,
      last_error: null,
    });
    const ids = receiver.received.map((request) => (JSON.parse(request.body) as { id: string }).id);
    expect(ids).toEqual([eventId, eventId, eventId]);
  });

  test('gives up 3 days after the event, with a last attempt at the deadline', async () => {
    await endpoint();
    answers = Array.from({ length: 1000 }, () => ({ status: 500 }));
    const eventId = await enqueue();
    const worker = dispatcher();
    const deadline = new Date(start.getTime() + webhookMaxAgeMs);

    let row = await delivery(eventId);
    while (row?.status === 'pending' && row.next_attempt_at !== null) {
      clock = row.next_attempt_at;
      await worker.runOnce();
      row = await delivery(eventId);
    }

    expect(row).toMatchObject({ status: 'failed', next_attempt_at: null, last_status_code: 500 });
    expect(row?.last_attempt_at).toEqual(deadline);
    // 30 s … 32 min (7 attempts in the first ~64 min), then hourly to the deadline, then the last.
    expect(receiver.received.length).toBe(row?.attempt_count);
    expect(row?.attempt_count).toBeGreaterThan(70);
    expect(row?.attempt_count).toBeLessThan(80);
    clock = new Date(deadline.getTime() + 3_600_000);
    expect((await worker.runOnce()).claimed).toBe(0);
  });

  test('retries when the endpoint cannot be reached, saying why', async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    await endpoint(closed.url);
    const eventId = await enqueue();
    expect((await dispatcher().runOnce()).retrying).toBe(1);
    expect(await delivery(eventId)).toMatchObject({
      status: 'pending',
      last_status_code: null,
      last_error: expect.stringContaining('ECONNREFUSED') as unknown,
    });
  });

  test('does not follow a redirect: a 3xx is a failure', async () => {
    await endpoint();
    answers = [{ status: 302, headers: { location: '/elsewhere' } }];
    const eventId = await enqueue();
    expect((await dispatcher().runOnce()).retrying).toBe(1);
    expect(receiver.received.map((request) => request.path)).toEqual(['/hook']);
    expect((await delivery(eventId))?.last_status_code).toBe(302);
  });

  test('counts an endpoint that does not answer within the timeout as a failure', async () => {
    await endpoint();
    const eventId = await enqueue();
    const hanging: WebhookFetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () => {
          reject(init.signal.reason as Error);
        });
      });
    expect((await dispatcher({ fetch: hanging, timeoutMs: 50 }).runOnce()).retrying).toBe(1);
    expect((await delivery(eventId))?.last_error).toBe('no answer within 50 ms');
  });

  test('two dispatchers running at once deliver each event exactly once', async () => {
    await endpoint();
    const eventIds = new Set<string>();
    for (let index = 0; index < 40; index++) eventIds.add(await enqueue({ index }));
    // A slow receiver keeps each dispatcher's batch in flight while the other claims.
    answers = Array.from({ length: 40 }, () => ({ status: 200, delayMs: 15 }));
    const first = dispatcher({ batchSize: 5 });
    const second = dispatcher({ batchSize: 5 });
    const drain = async (worker: typeof first): Promise<number> => {
      let delivered = 0;
      for (;;) {
        const round = await worker.runOnce();
        delivered += round.delivered;
        if (round.claimed === 0) return delivered;
      }
    };

    const [byFirst, bySecond] = await Promise.all([drain(first), drain(second)]);

    const receivedIds = receiver.received.map(
      (request) => (JSON.parse(request.body) as { id: string }).id,
    );
    expect(receivedIds).toHaveLength(40);
    expect(new Set(receivedIds)).toEqual(eventIds);
    expect(byFirst + bySecond).toBe(40);
    expect(byFirst).toBeGreaterThan(0);
    expect(bySecond).toBeGreaterThan(0);
    const { rows } = await db.query<{ status: string; attempt_count: number }>(
      'select distinct status, attempt_count from webhook_deliveries',
    );
    expect(rows).toEqual([{ status: 'delivered', attempt_count: 1 }]);
  });

  test('after a crashed dispatcher’s lease runs out, another delivers; the late result is ignored', async () => {
    await endpoint();
    const eventId = await enqueue();
    let releaseCrashed: (status: number) => void = () => {};
    let signalClaimed: () => void = () => {};
    const claimed = new Promise<void>((resolve) => {
      signalClaimed = resolve;
    });
    const stuck: WebhookFetch = () =>
      new Promise((resolve) => {
        signalClaimed();
        releaseCrashed = (status) => {
          resolve({ status });
        };
      });
    const crashed = dispatcher({ fetch: stuck, leaseMs: 60_000, timeoutMs: 30_000 }).runOnce();
    await claimed;

    const rescuer = dispatcher({ leaseMs: 60_000 });
    clock = new Date(start.getTime() + 59_999);
    expect((await rescuer.runOnce()).claimed).toBe(0);
    clock = new Date(start.getTime() + 60_000);
    expect((await rescuer.runOnce()).delivered).toBe(1);
    expect(receiver.received).toHaveLength(1);

    releaseCrashed(500);
    expect(await crashed).toMatchObject({ claimed: 1, stale: 1 });
    expect(await delivery(eventId)).toMatchObject({
      status: 'delivered',
      attempt_count: 2,
      last_status_code: 200,
    });
  });

  test('start() delivers in the background; stop() ends the loop', async () => {
    await endpoint();
    const eventId = await enqueue();
    const worker = dispatcher();
    worker.start({ intervalMs: 10 });
    try {
      for (
        let tries = 0;
        tries < 200 && (await delivery(eventId))?.status !== 'delivered';
        tries++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      await worker.stop();
    }
    expect((await delivery(eventId))?.status).toBe('delivered');
    const later = await enqueue();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await delivery(later))?.status).toBe('pending');
  });

  test.each([
    [{ batchSize: 0 }, 'batchSize'],
    [{ leaseMs: 5_000, timeoutMs: 10_000 }, 'leaseMs'],
    [{ timeoutMs: 1.5 }, 'timeoutMs'],
  ])('refuses options %j', (options, option) => {
    expect(() => dispatcher(options)).toThrow(InvalidWebhookDispatcherOptionsError);
    expect(() => dispatcher(options)).toThrow(option);
  });
});

describe.each(testDatabases().filter((database) => database.name.startsWith('PostgreSQL')))(
  'createWebhookDispatcher on $name, with rows locked by another transaction',
  ({ open }) => {
    let db: Database;

    beforeAll(async () => {
      db = await open();
      await migrate({ db });
    });

    afterAll(async () => {
      await db.close();
    });

    test('skips deliveries another worker is claiming instead of waiting for them', async () => {
      const { merchant } = await createMerchant({ db, name: 'Shop', now: () => start });
      await createWebhookEndpoint(db, {
        merchantId: merchant.id,
        url: 'https://shop.example.com/hook',
        enabledEvents: ['*'],
        now: start,
      });
      for (let index = 0; index < 3; index++) {
        await enqueueWebhookEvent(db, {
          merchantId: merchant.id,
          type: 'checkout.session.pending',
          data: { index },
          now: start,
        });
      }
      const posted: string[] = [];
      const fetch: WebhookFetch = (url) => {
        posted.push(url);
        return Promise.resolve({ status: 200 });
      };
      const worker = createWebhookDispatcher({ db, now: () => start, fetch });

      let releaseLock: () => void = () => {};
      let signalLocked: () => void = () => {};
      const locked = new Promise<void>((resolve) => {
        signalLocked = resolve;
      });
      // Another connection holds two of the three rows, as a concurrent claim would.
      const holder = db.transaction(async (session) => {
        await session.query(
          `select 1 from webhook_deliveries order by created_at, event_id limit 2 for update`,
        );
        signalLocked();
        await new Promise<void>((resolve) => {
          releaseLock = resolve;
        });
      });
      await locked;
      const round = await worker.runOnce();
      releaseLock();
      await holder;

      expect(round.claimed).toBe(1);
      expect(posted).toHaveLength(1);
      expect((await worker.runOnce()).claimed).toBe(2);
    });
  },
);

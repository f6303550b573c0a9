import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { createMerchant } from '../merchants/createMerchant.ts';
import { createWebhookEndpoint } from './createWebhookEndpoint.ts';
import { disableWebhookEndpoint } from './disableWebhookEndpoint.ts';
import { enqueueWebhookEvent } from './enqueueWebhookEvent.ts';
import { InvalidWebhookEventError } from './errors.ts';

const now = new Date('2030-01-01T00:00:00.000Z');
const data = { id: 'cs_1', object: 'checkout.session', status: 'settled', amount_minor: '2400' };

describe.each(testDatabases())('enqueueWebhookEvent on $name', ({ open }) => {
  let db: Database;
  let merchantId: string;
  let otherMerchantId: string;

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
    merchantId = (await createMerchant({ db, name: 'Shop', now: () => now })).merchant.id;
    otherMerchantId = (await createMerchant({ db, name: 'Other', now: () => now })).merchant.id;
  });

  afterAll(async () => {
    await db.close();
  });

  beforeEach(async () => {
    await db.exec(
      'delete from webhook_deliveries; delete from webhook_events; delete from webhook_endpoints;',
    );
  });

  async function endpoint(owner: string, enabledEvents: string[]): Promise<string> {
    const created = await createWebhookEndpoint(db, {
      merchantId: owner,
      url: 'https://shop.example.com/hook',
      enabledEvents,
      now,
    });
    return created.id;
  }

  async function deliveriesOf(
    eventId: string,
  ): Promise<{ endpoint_id: string; status: string; next_attempt_at: Date }[]> {
    const { rows } = await db.query<{ endpoint_id: string; status: string; next_attempt_at: Date }>(
      'select endpoint_id, status, next_attempt_at from webhook_deliveries where event_id = $1 order by endpoint_id',
      [eventId],
    );
    return rows;
  }

  test('records the event and one due delivery per subscribed, enabled endpoint of the merchant', async () => {
    const exact = await endpoint(merchantId, ['checkout.session.settled']);
    const everything = await endpoint(merchantId, ['*']);
    await endpoint(merchantId, ['checkout.session.expired']);
    const deleted = await endpoint(merchantId, ['*']);
    await disableWebhookEndpoint(db, { merchantId, endpointId: deleted, now });
    await endpoint(otherMerchantId, ['*']);

    const { event, deliveryCount } = await db.transaction((session) =>
      enqueueWebhookEvent(session, { merchantId, type: 'checkout.session.settled', data, now }),
    );

    expect(event).toEqual({
      id: expect.stringMatching(/^evt_[0-9a-f]{32}$/) as unknown,
      object: 'event',
      type: 'checkout.session.settled',
      created_at: '2030-01-01T00:00:00.000Z',
      data,
    });
    expect(deliveryCount).toBe(2);
    expect(await deliveriesOf(event.id)).toEqual(
      [exact, everything].sort().map((endpointId) => ({
        endpoint_id: endpointId,
        status: 'pending',
        next_attempt_at: now,
      })),
    );
    const { rows } = await db.query<{ data: unknown; merchant_id: string }>(
      'select data, merchant_id from webhook_events where id = $1',
      [event.id],
    );
    expect(rows).toEqual([{ data, merchant_id: merchantId }]);
  });

  test('records the event even when no endpoint listens (it stays listed in /v1/events)', async () => {
    const { event, deliveryCount } = await enqueueWebhookEvent(db, {
      merchantId,
      type: 'checkout.session.expired',
      data,
      now,
    });
    expect(deliveryCount).toBe(0);
    const { rows } = await db.query('select id from webhook_events where id = $1', [event.id]);
    expect(rows).toHaveLength(1);
  });

  test('disappears with the transaction of the state change when it rolls back (outbox)', async () => {
    await endpoint(merchantId, ['*']);
    const failure = new Error('the state change failed after the event was written');
    await expect(
      db.transaction(async (session) => {
        await enqueueWebhookEvent(session, {
          merchantId,
          type: 'checkout.session.settled',
          data,
          now,
        });
        throw failure;
      }),
    ).rejects.toBe(failure);
    const events = await db.query('select id from webhook_events');
    const deliveries = await db.query('select event_id from webhook_deliveries');
    expect([events.rows, deliveries.rows]).toEqual([[], []]);
  });

  test('gives every event its own id', async () => {
    const ids = new Set<string>();
    for (let index = 0; index < 200; index++) {
      const { event } = await enqueueWebhookEvent(db, {
        merchantId,
        type: 'checkout.session.pending',
        data: { index },
        now,
      });
      ids.add(event.id);
    }
    expect(ids.size).toBe(200);
    const { rows } = await db.query<{ count: bigint }>(
      'select count(distinct id) as count from webhook_events',
    );
    expect(rows[0]?.count).toBe(200n);
  });

  test.each([
    ['an unknown type', { type: 'checkout.session.paid' }, 'type'],
    ['data that is not an object', { data: ['cs_1'] }, 'data'],
    ['a bigint amount', { data: { amount: 10n } }, 'data'],
    ['an invalid date', { now: new Date(Number.NaN) }, 'now'],
    ['no merchant', { merchantId: '' }, 'merchantId'],
  ])('refuses %s and writes nothing', async (_name, override, field) => {
    const parameters = { merchantId, type: 'checkout.session.settled', data, now, ...override };
    const attempt = enqueueWebhookEvent(
      db,
      parameters as Parameters<typeof enqueueWebhookEvent>[1],
    );
    await expect(attempt).rejects.toBeInstanceOf(InvalidWebhookEventError);
    await expect(attempt).rejects.toThrow(`${field} must be`);
    const { rows } = await db.query('select id from webhook_events');
    expect(rows).toEqual([]);
  });
});

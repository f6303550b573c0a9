import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityRecord } from './openActivityLog.ts';
import { openActivityLog } from './openActivityLog.ts';
import type { ActivityLog } from './openActivityLog.ts';

const opened: ActivityLog[] = [];
afterEach(() => {
  for (const log of opened.splice(0)) log.close();
});

async function open(maxEntries?: number): Promise<ActivityLog> {
  const log = await openActivityLog({
    name: `activity-${crypto.randomUUID()}`,
    ...(maxEntries === undefined ? {} : { maxEntries }),
  });
  opened.push(log);
  return log;
}

function entry(id: string, origin: string, createdAt: number, extra: Partial<ActivityRecord> = {}) {
  return {
    id,
    origin,
    method: 'eth_sendTransaction',
    kind: 'transaction',
    chainId: 31337,
    createdAt,
    updatedAt: createdAt,
    decision: {
      action: 'auto',
      reasons: [],
      spends: [],
      currency: 'EUR',
      currencyDecimals: 2,
      preset: 'ask',
    },
    approval: 'auto',
    status: 'pending',
    ...extra,
  } satisfies ActivityRecord;
}

describe('openActivityLog', () => {
  it('lists newest first, one site or all, and pages back with `before`', async () => {
    const log = await open();
    await log.add(entry('a', 'https://shop.example', 1_000));
    await log.add(entry('b', 'https://other.example', 2_000));
    await log.add(entry('c', 'https://shop.example', 3_000));
    const all = await log.list({ limit: 2 });
    expect(all.entries.map((record) => record.id)).toEqual(['c', 'b']);
    expect(all.hasMore).toBe(true);
    const older = await log.list({ limit: 2, before: 2_000 });
    expect(older).toEqual({ entries: [expect.objectContaining({ id: 'a' })], hasMore: false });
    const shop = await log.list({ origin: 'https://shop.example', limit: 10 });
    expect(shop.entries.map((record) => record.id)).toEqual(['c', 'a']);
  });

  it('finds an entry by its transaction hash in any spelling and updates it in place', async () => {
    const log = await open();
    const hash = `0x${'ab'.repeat(32)}` as const;
    await log.add(entry('a', 'https://shop.example', 1_000, { transactionHashes: [hash] }));
    const found = await log.findByTransaction(
      hash.toUpperCase().replace('0X', '0x') as `0x${string}`,
    );
    expect(found?.id).toBe('a');
    await log.update('a', (record) => ({ ...record, status: 'confirmed', updatedAt: 2_000 }));
    expect((await log.list({ limit: 1 })).entries[0]).toMatchObject({
      status: 'confirmed',
      updatedAt: 2_000,
    });
  });

  it('keeps the newest entries when it passes its bound', async () => {
    const log = await open(50);
    for (let index = 0; index < 160; index += 1)
      await log.add(entry(`e${index}`, 'https://shop.example', index));
    const { entries } = await log.list({ limit: 200 });
    expect(entries.length).toBeLessThanOrEqual(150);
    expect(entries.length).toBeGreaterThanOrEqual(50);
    expect(entries[0]?.id).toBe('e159');
    expect(entries.some((record) => record.id === 'e0')).toBe(false);
  });

  it('tells each site its latest activity', async () => {
    const log = await open();
    await log.add(entry('a', 'https://shop.example', 1_000));
    await log.add(entry('b', 'https://other.example', 2_000));
    await log.add(entry('c', 'https://shop.example', 3_000));
    await log.add(entry('d', 'https://third.example', 500));
    expect(Object.fromEntries(await log.lastActivityByOrigin())).toEqual({
      'https://shop.example': 3_000,
      'https://other.example': 2_000,
      'https://third.example': 500,
    });
  });
});

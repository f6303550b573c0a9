import { describe, expect, test } from 'vitest';
import { createLocalRateSettings } from '../rateBook/createLocalRateSettings.ts';
import { createRateBook } from '../rateBook/createRateBook.ts';
import type { CheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { createSessionResponseMemo } from './createSessionResponseMemo.ts';
import type { SessionAndPayments } from './readSessionAndPayments.ts';
import { toCheckoutSessionResponse } from './toCheckoutSessionResponse.ts';

const start = new Date('2026-01-31T12:00:00.000Z');

function session(change: Partial<CheckoutSessionRecord> = {}): SessionAndPayments {
  return {
    session: {
      id: 'cs_1',
      merchantId: 'mer_1',
      status: 'open',
      amountMinor: 2400n,
      currency: 'EUR',
      recipients: { '31337': '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
      acceptedAssets: [
        { chain_id: 31337, asset: 'USDC' },
        { chain_id: 31337, asset: 'ETH' },
      ],
      metadata: { order_id: 'A-1' },
      successUrl: null,
      expiresAt: new Date(start.getTime() + 86_400_000),
      createdAt: start,
      updatedAt: start,
      ...change,
    },
    payments: [],
  };
}

async function setUp() {
  let nowMs = start.getTime();
  const now = () => new Date(nowMs);
  const rates = createRateBook({ ...createLocalRateSettings({ refreshIntervalMs: null }), now });
  await rates.refresh();
  return {
    rates,
    memo: createSessionResponseMemo({ rates }),
    now,
    advance: (ms: number) => {
      nowMs += ms;
    },
  };
}

describe('createSessionResponseMemo', () => {
  test('answers what toCheckoutSessionResponse does, one object per state and key kind', async () => {
    const { rates, memo, now } = await setUp();
    const found = session();
    const page = memo.respond({ found, includeMetadata: false, now: now() });
    const server = memo.respond({ found, includeMetadata: true, now: now() });
    expect(page).toEqual(toCheckoutSessionResponse({ ...found, rates, includeMetadata: false }));
    expect(server).toEqual(toCheckoutSessionResponse({ ...found, rates, includeMetadata: true }));
    expect(memo.respond({ found, includeMetadata: false, now: now() })).toBe(page);
    expect(memo.respond({ found, includeMetadata: true, now: now() })).toBe(server);
    expect(memo.respond({ found: session(), includeMetadata: false, now: now() })).not.toBe(page);
  });

  test('builds it again once the rates are refreshed', async () => {
    const { rates, memo, now } = await setUp();
    const found = session();
    const first = memo.respond({ found, includeMetadata: false, now: now() });
    await rates.refresh();
    const second = memo.respond({ found, includeMetadata: false, now: now() });
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });

  test('shows no price once a rate it showed is too old, and prices again when the clock goes back', async () => {
    const { memo, now, advance } = await setUp();
    const found = session();
    const amounts = () =>
      memo
        .respond({ found, includeMetadata: false, now: now() })
        .payment_options.map((option) => option.amount);
    expect(amounts()).toEqual(['26086957', '8695652173913044']);
    advance(10 * 60_000);
    expect(amounts()).toEqual(['26086957', '8695652173913044']);
    advance(1);
    expect(amounts()).toEqual([null, null]);
    advance(-1);
    expect(amounts()).toEqual(['26086957', '8695652173913044']);
  });

  test('keeps the answer of a session that is no longer open, whatever the rates do', async () => {
    const { memo, now, advance } = await setUp();
    const found = session({ status: 'settled' });
    const first = memo.respond({ found, includeMetadata: false, now: now() });
    expect(first.payment_options).toEqual([]);
    advance(60 * 60_000);
    expect(memo.respond({ found, includeMetadata: false, now: now() })).toBe(first);
  });
});

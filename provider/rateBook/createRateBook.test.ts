import { afterEach, describe, expect, test, vi } from 'vitest';
import { createKrakenSource } from '../rates/createKrakenSource.ts';
import { createLocalSource } from '../rates/createLocalSource.ts';
import type { RateSource } from '../rates/RateSource.ts';
import { createLocalRateSettings } from './createLocalRateSettings.ts';
import { createRateBook } from './createRateBook.ts';
import type { RateBookSettings } from './RateBookSettings.ts';

const start = new Date('2026-01-31T12:00:00.000Z');

function clock(): { now: () => Date; advance: (ms: number) => void } {
  let nowMs = start.getTime();
  return {
    now: () => new Date(nowMs),
    advance: (ms) => {
      nowMs += ms;
    },
  };
}

function settingsWith(sources: readonly RateSource[]): RateBookSettings {
  return {
    pairs: [{ pair: 'ETH/USD', sources }],
    toleranceBasisPoints: 50n,
    maxAgeMs: 10 * 60_000,
    timeoutMs: 1_000,
    refreshIntervalMs: null,
  };
}

const local = (id: string, skewBasisPoints = 0n) =>
  createLocalSource({ id, rates: { 'ETH/USD': '3000' }, skewBasisPoints });

describe('createRateBook', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('has no rate before the first refresh', () => {
    const book = createRateBook({ ...createLocalRateSettings(), now: clock().now });
    expect(book.read('ETH/USD')).toMatchObject({ status: 'unavailable', refreshedAt: null });
  });

  test('gives the median of the agreeing local sources and rejects the skewed one', async () => {
    const book = createRateBook({ ...createLocalRateSettings(), now: clock().now });
    await book.refresh();
    const reading = book.read('ETH/EUR');
    if (reading.status !== 'ok') throw new Error(reading.reason);
    expect(reading.aggregate.rate).toEqual({ numerator: 2760n, denominator: 1n });
    expect(reading.aggregate.sources.map((source) => source.source)).toEqual([
      'local-a',
      'local-b',
      'local-c',
    ]);
    expect(reading.aggregate.rejected).toEqual([
      expect.objectContaining({ source: 'local-skewed', reason: 'outlier' }),
    ]);
    expect(reading.aggregate.quorum).toBe(3);
    expect(reading.ageMs).toBe(0);
  });

  test('prices every pair the dev stack needs', async () => {
    const book = createRateBook({ ...createLocalRateSettings(), now: clock().now });
    await book.refresh();
    expect(book.pairs.map((pair) => book.read(pair).status)).toEqual(book.pairs.map(() => 'ok'));
    expect(book.pairs).toEqual([
      'ETH/USD',
      'ETH/EUR',
      'USDC/USD',
      'USDC/EUR',
      'EURC/EUR',
      'EURC/USD',
      'DAI/USD',
      'DAI/EUR',
    ]);
  });

  test('stops quoting once the rate is older than maxAgeMs, until refreshed', async () => {
    const time = clock();
    const book = createRateBook({ ...createLocalRateSettings(), now: time.now });
    await book.refresh();
    time.advance(10 * 60_000);
    expect(book.read('ETH/USD')).toMatchObject({
      status: 'ok',
      ageMs: 600_000,
      freshUntil: new Date(start.getTime() + 600_000),
    });
    time.advance(1);
    expect(book.read('ETH/USD')).toMatchObject({
      status: 'unavailable',
      reason: 'No rate for ETH/USD: the last agreeing quotes are 600 s old, more than 600 s.',
    });
    await book.refresh();
    expect(book.read('ETH/USD').status).toBe('ok');
  });

  test('changes its version with every refresh, and only then', async () => {
    const book = createRateBook({ ...createLocalRateSettings(), now: clock().now });
    const before = book.version;
    book.read('ETH/USD');
    expect(book.version).toBe(before);
    await book.refresh();
    const afterFirst = book.version;
    expect(afterFirst).not.toBe(before);
    book.read('ETH/USD');
    expect(book.version).toBe(afterFirst);
    await book.refresh();
    expect(book.version).not.toBe(afterFirst);
  });

  test('refuses when too few sources agree, and says why', async () => {
    const sources = [local('a'), local('b', 40n), local('c', 200n), local('d', 400n)];
    const book = createRateBook({ ...settingsWith(sources), now: clock().now });
    await book.refresh();
    const reading = book.read('ETH/USD');
    expect(reading).toMatchObject({
      status: 'unavailable',
      reason: 'No rate for ETH/USD: 2 of 4 sources agree, 3 needed.',
    });
  });

  test('counts a source that cannot be reached against the quorum', async () => {
    const unreachable = createKrakenSource();
    const fetch = () => Promise.reject(new Error('network down'));
    const twoOfFour = createRateBook({
      ...settingsWith([local('a'), local('b'), unreachable, createKrakenSource({ id: 'k2' })]),
      now: clock().now,
      fetch,
    });
    await twoOfFour.refresh();
    expect(twoOfFour.read('ETH/USD').status).toBe('unavailable');

    const threeOfFour = createRateBook({
      ...settingsWith([local('a'), local('b'), local('c'), unreachable]),
      now: clock().now,
      fetch,
    });
    await threeOfFour.refresh();
    const reading = threeOfFour.read('ETH/USD');
    expect(reading.status).toBe('ok');
    if (reading.status === 'ok') {
      expect(reading.aggregate.rejected).toEqual([
        expect.objectContaining({ source: 'kraken', reason: 'error' }),
      ]);
    }
  });

  test('has no rate for a pair it was not configured with', async () => {
    const book = createRateBook({ ...createLocalRateSettings(), now: clock().now });
    await book.refresh();
    expect(book.read('BTC/USD')).toMatchObject({
      status: 'unavailable',
      reason: 'No sources are configured for BTC/USD.',
    });
  });

  test('refreshes every refreshIntervalMs once started, until stopped', async () => {
    vi.useFakeTimers();
    const time = clock();
    const book = createRateBook({
      ...createLocalRateSettings({ refreshIntervalMs: 30_000 }),
      now: time.now,
    });
    await book.start();
    time.advance(30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(book.read('ETH/USD').refreshedAt).toEqual(new Date(start.getTime() + 30_000));
    book.stop();
    time.advance(30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(book.read('ETH/USD').refreshedAt).toEqual(new Date(start.getTime() + 30_000));
  });
});

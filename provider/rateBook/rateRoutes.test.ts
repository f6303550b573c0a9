import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';

describe.each(testDatabases())('GET /v1/rates on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  test('shows each pair with its sources, spread, age and quorum, without a key', async () => {
    await provider.app.rates.refresh();
    const { rates } = await provider.client().getRates();
    expect(rates.map((entry) => entry.pair)).toHaveLength(8);
    const ethEur = rates.find((entry) => entry.pair === 'ETH/EUR');
    expect(ethEur).toMatchObject({
      status: 'ok',
      rate: { numerator: '2760', denominator: '1' },
      value: '2760',
      configured_sources: ['local-a', 'local-b', 'local-c', 'local-skewed'],
      spread_basis_points: '9',
      age_ms: 0,
      fault_tolerance: 1,
      quorum: 3,
      refreshed_at: '2026-01-31T12:00:00.000Z',
      reason: null,
    });
    expect(ethEur?.sources.map((source) => [source.source, source.rate])).toEqual([
      ['local-a', { numerator: '2760', denominator: '1' }],
      ['local-b', { numerator: '345138', denominator: '125' }],
      ['local-c', { numerator: '344862', denominator: '125' }],
    ]);
    expect(ethEur?.rejected).toEqual([
      { source: 'local-skewed', reason: 'outlier', detail: expect.any(String) as string },
    ]);
    expect(rates.find((entry) => entry.pair === 'EURC/USD')?.value).toBe('1.087');
  });

  test('shows a pair as unavailable, with the reason, once its rate is too old', async () => {
    await provider.app.rates.refresh();
    provider.clock.advance(10 * 60_000 + 1);
    const { rates } = await provider.client().getRates();
    expect(rates[0]).toMatchObject({
      pair: 'ETH/USD',
      status: 'unavailable',
      rate: null,
      value: null,
      sources: [],
      reason: expect.stringContaining('old') as string,
    });
    await provider.app.rates.refresh();
    expect((await provider.client().getRates()).rates[0]?.status).toBe('ok');
  });
});

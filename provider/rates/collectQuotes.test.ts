import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateRates } from './aggregateRates.ts';
import { collectQuotes } from './collectQuotes.ts';
import { createBinanceSource } from './createBinanceSource.ts';
import { createCoinbaseSource } from './createCoinbaseSource.ts';
import { createEcbSource } from './createEcbSource.ts';
import { createKrakenSource } from './createKrakenSource.ts';
import { createLocalSource } from './createLocalSource.ts';
import { InvalidRatesInputError, SourceHttpError } from './errors.ts';
import type { FetchFunction } from './fetchSourceQuote.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const at = new Date('2024-06-28T16:05:00.000Z');
const now = () => at;

describe('collectQuotes', () => {
  it('asks every source and keeps each answer or error, in the sources’ order', async () => {
    const fetch: FetchFunction = (url) =>
      Promise.resolve(
        url.startsWith('http://good')
          ? new Response(fixture('kraken-ticker-XETHZUSD.json'))
          : new Response('busy', { status: 503 }),
      );
    const sources = [
      createKrakenSource({ id: 'kraken-down', baseUrl: 'http://down' }),
      createLocalSource({ rates: { 'ETH/USD': '3380.50' } }),
      createKrakenSource({ baseUrl: 'http://good' }),
      createLocalSource({ id: 'local-eur', rates: { 'ETH/EUR': '3157' } }),
    ];
    const answers = await collectQuotes({ pair: 'ETH/USD', sources, fetch, now, timeoutMs: 1000 });
    expect(answers.map((answer) => answer.source)).toEqual([
      'kraken-down',
      'local',
      'kraken',
      'local-eur',
    ]);
    const [down] = answers;
    expect(down && 'error' in down ? down.error : undefined).toBeInstanceOf(SourceHttpError);
    expect(answers[1]).toMatchObject({ quote: { rate: { numerator: 6761n, denominator: 2n } } });
    expect(answers[2]).toMatchObject({
      quote: { source: 'kraken', rate: { numerator: 338071000n } },
    });
    expect(answers[3]).toMatchObject({
      source: 'local-eur',
      error: { code: 'rates/unsupported-pair' },
    });
  });

  it('refuses two sources with one id', async () => {
    const fetch: FetchFunction = () => Promise.reject(new Error('not called'));
    const sources = [
      createLocalSource({ rates: { 'ETH/USD': '1' } }),
      createLocalSource({ rates: { 'ETH/USD': '2' } }),
    ];
    await expect(
      collectQuotes({ pair: 'ETH/USD', sources, fetch, now, timeoutMs: 1000 }),
    ).rejects.toThrow(InvalidRatesInputError);
  });

  describe('with aggregateRates, on the recorded answers', () => {
    const bodies: Record<string, string> = {
      'https://api.coinbase.com/v2/exchange-rates?currency=ETH': fixture(
        'coinbase-exchange-rates-ETH.json',
      ),
      'https://api.coinbase.com/v2/exchange-rates?currency=EUR': fixture(
        'coinbase-exchange-rates-EUR.json',
      ),
      'https://api.kraken.com/0/public/Ticker?pair=XETHZUSD': fixture(
        'kraken-ticker-XETHZUSD.json',
      ),
      'https://api.kraken.com/0/public/Ticker?pair=ZEURZUSD': fixture(
        'kraken-ticker-ZEURZUSD.json',
      ),
      'https://api.binance.com/api/v3/ticker/price?symbol=ETHUSDT': fixture(
        'binance-ticker-price-ETHUSDT.json',
      ),
      'https://api.binance.com/api/v3/ticker/price?symbol=EURUSDT': fixture(
        'binance-ticker-price-EURUSDT.json',
      ),
      'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml':
        fixture('ecb-eurofxref-daily.xml'),
    };
    const fetch: FetchFunction = (url) => {
      const body = bodies[url];
      return Promise.resolve(
        body === undefined ? new Response('', { status: 404 }) : new Response(body),
      );
    };
    const binance = createBinanceSource({ equivalences: { USDT: 'USD' } });

    it('quotes ETH/USD from Coinbase, Kraken, Binance (USDT taken as USD) and the local source', async () => {
      const sources = [
        createCoinbaseSource(),
        createKrakenSource(),
        binance,
        createLocalSource({ rates: { 'ETH/USD': '3380.50' } }),
      ];
      const answers = await collectQuotes({
        pair: 'ETH/USD',
        sources,
        fetch,
        now,
        timeoutMs: 1000,
      });
      const rate = aggregateRates({
        pair: 'ETH/USD',
        sources: sources.map((source) => source.id),
        answers,
        toleranceBasisPoints: 50n,
        maxAgeMs: 10 * 60_000,
        now: at,
      });
      expect(rate).toMatchObject({
        // 3380.485, 3380.50, 3380.71, 3381.20: the mean of the middle two
        rate: { numerator: 676121n, denominator: 200n },
        spreadBasisPoints: 3n,
        ageMs: 0,
        rejected: [],
      });
      expect(rate.sources.map(({ source, assumptions }) => [source, assumptions])).toEqual([
        ['coinbase', []],
        ['kraken', []],
        ['binance', ['USDT=USD']],
        ['local', []],
      ]);
    });

    it('quotes EUR/USD with the ECB, dated at its concertation, as one of four', async () => {
      const sources = [createCoinbaseSource(), createKrakenSource(), binance, createEcbSource()];
      const answers = await collectQuotes({
        pair: 'EUR/USD',
        sources,
        fetch,
        now,
        timeoutMs: 1000,
      });
      const rate = aggregateRates({
        pair: 'EUR/USD',
        sources: sources.map((source) => source.id),
        answers,
        toleranceBasisPoints: 50n,
        maxAgeMs: 4 * 24 * 3600_000,
        now: at,
      });
      expect(rate).toMatchObject({
        // 1.07044, 1.07045, 1.0705, 1.0711: the mean of the middle two
        rate: { numerator: 42819n, denominator: 40000n },
        ageMs: at.getTime() - Date.parse('2024-06-28T12:10:00.000Z'),
        rejected: [],
      });
    });
  });
});

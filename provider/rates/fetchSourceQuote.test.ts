import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBinanceSource } from './createBinanceSource.ts';
import { createEcbSource } from './createEcbSource.ts';
import { createKrakenSource } from './createKrakenSource.ts';
import { createLocalSource } from './createLocalSource.ts';
import {
  InvalidRatesInputError,
  MalformedResponseError,
  SourceHttpError,
  SourceReportedError,
  SourceTimeoutError,
  SourceUnreachableError,
  UnsupportedPairError,
} from './errors.ts';
import { fetchSourceQuote } from './fetchSourceQuote.ts';
import type { FetchFunction } from './fetchSourceQuote.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const at = new Date('2024-06-28T16:05:00.000Z');
const now = () => at;

/** A fetch answering fixed bodies by URL, recording what it was asked. */
function fixtureFetch(bodies: Record<string, string | Response>) {
  const calls: { url: string; headers: Record<string, string>; signal: AbortSignal }[] = [];
  const fetch: FetchFunction = (url, init) => {
    calls.push({ url, ...init });
    const body = bodies[url];
    if (body === undefined)
      return Promise.resolve(new Response('{"error":"unknown url"}', { status: 404 }));
    return Promise.resolve(typeof body === 'string' ? new Response(body) : body);
  };
  return { fetch, calls };
}

const binanceUrl = 'https://api.binance.com/api/v3/ticker/price?symbol=';
const ecbUrl = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';
const krakenUrl = 'https://api.kraken.com/0/public/Ticker?pair=';

describe('fetchSourceQuote', () => {
  it('reads a source’s own market', async () => {
    const { fetch, calls } = fixtureFetch({
      [`${krakenUrl}XETHZUSD`]: fixture('kraken-ticker-XETHZUSD.json'),
    });
    const quote = await fetchSourceQuote(createKrakenSource(), 'ETH/USD', {
      fetch,
      now,
      timeoutMs: 1000,
    });
    expect(quote).toEqual({
      source: 'kraken',
      pair: 'ETH/USD',
      rate: { numerator: 338071000n, denominator: 100000n },
      observedAt: at,
      fetchedAt: at,
      via: ['ETH/USD'],
      assumptions: [],
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers).toEqual({ accept: 'application/json' });
    expect(calls[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('inverts exactly a market quoted the other way round', async () => {
    const { fetch } = fixtureFetch({ [ecbUrl]: fixture('ecb-eurofxref-daily.xml') });
    const quote = await fetchSourceQuote(createEcbSource(), 'USD/EUR', {
      fetch,
      now,
      timeoutMs: 1000,
    });
    expect(quote).toEqual({
      source: 'ecb',
      pair: 'USD/EUR',
      rate: { numerator: 2000n, denominator: 2141n },
      observedAt: new Date('2024-06-28T12:10:00.000Z'),
      fetchedAt: at,
      via: ['EUR/USD'],
      assumptions: [],
    });
  });

  it('crosses two markets of one document, fetching it once', async () => {
    const { fetch, calls } = fixtureFetch({ [ecbUrl]: fixture('ecb-eurofxref-daily.xml') });
    const quote = await fetchSourceQuote(createEcbSource(), 'USD/GBP', {
      fetch,
      now,
      timeoutMs: 1000,
    });
    // 0.84638 / 1.0705
    expect(quote.rate).toEqual({ numerator: 42319n, denominator: 53525n });
    expect(quote.via).toEqual(['EUR/USD', 'EUR/GBP']);
    expect(calls).toHaveLength(1);
  });

  it('crosses two markets of two requests, dated by the older', async () => {
    let clock = at.getTime();
    const { fetch, calls } = fixtureFetch({
      [`${binanceUrl}ETHUSDT`]: fixture('binance-ticker-price-ETHUSDT.json'),
      [`${binanceUrl}EURUSDT`]: fixture('binance-ticker-price-EURUSDT.json'),
    });
    const quote = await fetchSourceQuote(
      createBinanceSource({ pairs: ['ETH/USDT', 'EUR/USDT'] }),
      'ETH/EUR',
      {
        fetch,
        now: () => new Date((clock += 1000)),
        timeoutMs: 1000,
      },
    );
    // 3381.2 / 1.0711
    expect(quote.rate).toEqual({ numerator: 33812000n, denominator: 10711n });
    expect(quote.fetchedAt).toEqual(new Date(at.getTime() + 1000));
    expect(quote.observedAt).toEqual(new Date(at.getTime() + 1000));
    expect(calls.map((call) => call.url)).toEqual([`${binanceUrl}ETHUSDT`, `${binanceUrl}EURUSDT`]);
  });

  it('answers a USD pair from a USDT market only on the configured assumption, and records it', async () => {
    const { fetch } = fixtureFetch({
      [`${binanceUrl}ETHUSDT`]: fixture('binance-ticker-price-ETHUSDT.json'),
    });
    await expect(
      fetchSourceQuote(createBinanceSource(), 'ETH/USD', { fetch, now, timeoutMs: 1000 }),
    ).rejects.toThrow(UnsupportedPairError);
    const quote = await fetchSourceQuote(
      createBinanceSource({ equivalences: { USDT: 'USD' } }),
      'ETH/USD',
      {
        fetch,
        now,
        timeoutMs: 1000,
      },
    );
    expect(quote).toMatchObject({
      pair: 'ETH/USD',
      rate: { numerator: 16906n, denominator: 5n },
      via: ['ETH/USDT'],
      assumptions: ['USDT=USD'],
    });
  });

  it('asks a fixed source without any network', async () => {
    const { fetch, calls } = fixtureFetch({});
    const source = createLocalSource({ rates: { 'EUR/USD': '1.07' } });
    const quote = await fetchSourceQuote(source, 'USD/EUR', { fetch, now, timeoutMs: 1000 });
    expect(quote).toMatchObject({
      rate: { numerator: 100n, denominator: 107n },
      observedAt: at,
      via: ['EUR/USD'],
    });
    expect(calls).toHaveLength(0);
  });

  it('passes the source’s own error through, typed', async () => {
    const { fetch } = fixtureFetch({
      [`${krakenUrl}XETHZUSD`]: fixture('kraken-error-unknown-pair.json'),
    });
    await expect(
      fetchSourceQuote(createKrakenSource(), 'ETH/USD', { fetch, now, timeoutMs: 1000 }),
    ).rejects.toThrow(SourceReportedError);
  });

  it('turns an HTTP error into a typed error that keeps the start of the body', async () => {
    const { fetch } = fixtureFetch({
      [`${binanceUrl}ETHUSDT`]: new Response(fixture('binance-error-invalid-symbol.json'), {
        status: 400,
      }),
    });
    const failure = fetchSourceQuote(createBinanceSource(), 'ETH/USDT', {
      fetch,
      now,
      timeoutMs: 1000,
    });
    await expect(failure).rejects.toThrow(SourceHttpError);
    await expect(failure).rejects.toMatchObject({ details: { status: 400 } });
    const error: unknown = await failure.catch((caught: unknown) => caught);
    expect(error instanceof SourceHttpError ? error.details.body : undefined).toContain(
      '"msg": "Invalid symbol."',
    );
  });

  it('turns a network failure into a typed error with its cause', async () => {
    const cause = new TypeError('fetch failed');
    const fetch: FetchFunction = () => Promise.reject(cause);
    const failure = fetchSourceQuote(createKrakenSource(), 'ETH/USD', {
      fetch,
      now,
      timeoutMs: 1000,
    });
    await expect(failure).rejects.toThrow(SourceUnreachableError);
    await expect(failure).rejects.toThrow(expect.objectContaining({ cause }));
  });

  it('gives up after the timeout when the source never answers, and aborts the request', async () => {
    let signal: AbortSignal | undefined;
    const fetch: FetchFunction = (_url, init) => {
      signal = init.signal;
      return new Promise<Response>(() => undefined);
    };
    const started = performance.now();
    await expect(
      fetchSourceQuote(createKrakenSource(), 'ETH/USD', { fetch, now, timeoutMs: 30 }),
    ).rejects.toMatchObject({ code: 'rates/timeout', details: { timeoutMs: 30 } });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(signal?.aborted).toBe(true);
  });

  it('gives up after the timeout when the body never ends', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"error":[],'));
      },
    });
    const fetch: FetchFunction = () => Promise.resolve(new Response(stalled));
    await expect(
      fetchSourceQuote(createKrakenSource(), 'ETH/USD', { fetch, now, timeoutMs: 30 }),
    ).rejects.toThrow(SourceTimeoutError);
  });

  it('refuses a body larger than allowed without reading it all', async () => {
    const { fetch } = fixtureFetch({
      [`${krakenUrl}XETHZUSD`]: fixture('kraken-ticker-XETHZUSD.json'),
    });
    await expect(
      fetchSourceQuote(createKrakenSource(), 'ETH/USD', {
        fetch,
        now,
        timeoutMs: 1000,
        maxResponseBytes: 64,
      }),
    ).rejects.toMatchObject({
      code: 'rates/malformed-response',
      details: { source: 'kraken', reason: 'the body is larger than 64 bytes' },
    });
  });

  it('refuses malformed answers as the source’s error', async () => {
    const { fetch } = fixtureFetch({ [`${krakenUrl}XETHZUSD`]: '<html>Cloudflare</html>' });
    await expect(
      fetchSourceQuote(createKrakenSource(), 'ETH/USD', { fetch, now, timeoutMs: 1000 }),
    ).rejects.toThrow(MalformedResponseError);
  });

  it('refuses a pair no route reaches before asking anything', async () => {
    const { fetch, calls } = fixtureFetch({});
    await expect(
      fetchSourceQuote(createKrakenSource(), 'BTC/JPY', { fetch, now, timeoutMs: 1000 }),
    ).rejects.toThrow(UnsupportedPairError);
    expect(calls).toHaveLength(0);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a timeout of %s',
    async (timeoutMs) => {
      const { fetch } = fixtureFetch({});
      await expect(
        fetchSourceQuote(createKrakenSource(), 'ETH/USD', { fetch, now, timeoutMs }),
      ).rejects.toThrow(InvalidRatesInputError);
    },
  );
});

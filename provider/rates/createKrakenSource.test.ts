import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createKrakenSource } from './createKrakenSource.ts';
import {
  InvalidRatesInputError,
  MalformedResponseError,
  SourceReportedError,
  UnsupportedPairError,
} from './errors.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fetchedAt = new Date('2024-06-28T16:05:00.000Z');
const source = createKrakenSource();

describe('createKrakenSource', () => {
  it('asks the ticker by Kraken’s pair name', () => {
    expect(source.buildRequest('ETH/USD')).toEqual({
      url: 'https://api.kraken.com/0/public/Ticker?pair=XETHZUSD',
      headers: { accept: 'application/json' },
    });
    expect(source.buildRequest('EUR/USD').url).toBe(
      'https://api.kraken.com/0/public/Ticker?pair=ZEURZUSD',
    );
  });

  it.each([
    ['kraken-ticker-XETHZUSD.json', 'ETH/USD', 338071000n, 100000n],
    ['kraken-ticker-ZEURZUSD.json', 'EUR/USD', 107044n, 100000n],
  ] as const)('reads the last trade of %s exactly', (name, pair, numerator, denominator) => {
    expect(source.parseResponse(pair, fixture(name), fetchedAt)).toEqual({
      source: 'kraken',
      pair,
      rate: { numerator, denominator },
      observedAt: fetchedAt,
      fetchedAt,
      via: [pair],
      assumptions: [],
    });
  });

  it('reports a non-empty error list', () => {
    expect(() =>
      source.parseResponse('ETH/USD', fixture('kraken-error-unknown-pair.json'), fetchedAt),
    ).toThrow(
      expect.objectContaining({
        code: 'rates/source-reported-error',
        details: { source: 'kraken', pair: 'ETH/USD', messages: ['EQuery:Unknown asset pair'] },
      }),
    );
    expect(() =>
      source.parseResponse('ETH/USD', '{"error":["EService:Unavailable"],"result":{}}', fetchedAt),
    ).toThrow(SourceReportedError);
  });

  it.each([
    ['not JSON', '<html>'],
    ['no error list', '{"result":{"XETHZUSD":{"c":["3380.71000","1"]}}}'],
    ['an error list that is not a list', '{"error":"","result":{}}'],
    ['no result', '{"error":[]}'],
    ['another pair only', '{"error":[],"result":{"XXBTZUSD":{"c":["60000.0","1"]}}}'],
    ['no last trade', '{"error":[],"result":{"XETHZUSD":{"a":["3380.72000","4","4.000"]}}}'],
    ['an empty last trade', '{"error":[],"result":{"XETHZUSD":{"c":[]}}}'],
    ['a last trade that is not a list', '{"error":[],"result":{"XETHZUSD":{"c":"3380.71"}}}'],
    ['a numeric price', '{"error":[],"result":{"XETHZUSD":{"c":[3380.71,"1"]}}}'],
    ['a zero price', '{"error":[],"result":{"XETHZUSD":{"c":["0.00000","1"]}}}'],
    ['a negative price', '{"error":[],"result":{"XETHZUSD":{"c":["-3380.71","1"]}}}'],
    ['a non-decimal price', '{"error":[],"result":{"XETHZUSD":{"c":["n/a","1"]}}}'],
  ])('refuses a body with %s', (_name, body) => {
    expect(() => source.parseResponse('ETH/USD', body, fetchedAt)).toThrow(MalformedResponseError);
  });

  it('refuses pairs it has no market for', () => {
    expect(() => source.buildRequest('USD/ETH')).toThrow(UnsupportedPairError);
    expect(() =>
      source.parseResponse('BTC/USD', fixture('kraken-ticker-XETHZUSD.json'), fetchedAt),
    ).toThrow(UnsupportedPairError);
  });

  it('takes configured markets, and refuses names that are not Kraken’s', () => {
    const custom = createKrakenSource({
      id: 'kraken-2',
      markets: { 'ETH/USD': 'XETHZUSD' },
      baseUrl: 'http://k',
    });
    expect(custom.pairs).toEqual(['ETH/USD']);
    expect(custom.buildRequest('ETH/USD').url).toBe('http://k/0/public/Ticker?pair=XETHZUSD');
    expect(() => createKrakenSource({ markets: { 'ETH/USD': 'XETH&ZUSD' } })).toThrow(
      InvalidRatesInputError,
    );
    expect(() => createKrakenSource({ markets: {} })).toThrow(InvalidRatesInputError);
  });
});

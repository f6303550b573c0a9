import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCoinbaseSource } from './createCoinbaseSource.ts';
import {
  InvalidRatesInputError,
  MalformedResponseError,
  SourceReportedError,
  UnsupportedPairError,
} from './errors.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fetchedAt = new Date('2024-06-28T16:05:00.000Z');

describe('createCoinbaseSource', () => {
  describe('exchange-rates endpoint', () => {
    const source = createCoinbaseSource();

    it('asks for every rate of the base currency', () => {
      expect(source.buildRequest('ETH/EUR')).toEqual({
        url: 'https://api.coinbase.com/v2/exchange-rates?currency=ETH',
        headers: { accept: 'application/json' },
      });
    });

    it.each([
      ['coinbase-exchange-rates-ETH.json', 'ETH/USD', 3380485n, 1000n],
      ['coinbase-exchange-rates-ETH.json', 'ETH/EUR', 31578767n, 10000n],
      ['coinbase-exchange-rates-EUR.json', 'EUR/USD', 107045n, 100000n],
    ] as const)('reads %s for %s exactly', (name, pair, numerator, denominator) => {
      expect(source.parseResponse(pair, fixture(name), fetchedAt)).toEqual({
        source: 'coinbase',
        pair,
        rate: { numerator, denominator },
        observedAt: fetchedAt,
        fetchedAt,
        via: [pair],
        assumptions: [],
      });
    });

    it('refuses the document of another base, even if it lists the quote', () => {
      expect(() =>
        source.parseResponse('USDC/USD', fixture('coinbase-exchange-rates-ETH.json'), fetchedAt),
      ).toThrow(
        new MalformedResponseError({
          source: 'coinbase',
          pair: 'USDC/USD',
          reason: 'data.currency is ETH, not USDC',
        }),
      );
    });

    it('reports Coinbase’s own errors', () => {
      expect(() =>
        source.parseResponse('ETH/USD', fixture('coinbase-error-not-found.json'), fetchedAt),
      ).toThrow(
        expect.objectContaining({
          code: 'rates/source-reported-error',
          details: {
            source: 'coinbase',
            pair: 'ETH/USD',
            messages: ['not_found: Invalid currency'],
          },
        }),
      );
    });

    it.each([
      ['not JSON', 'Service Unavailable'],
      ['an array', '[]'],
      ['no data', '{"warnings":[]}'],
      ['data not an object', '{"data":"ETH"}'],
      ['another base', '{"data":{"currency":"BTC","rates":{"USD":"60000"}}}'],
      ['no rates', '{"data":{"currency":"ETH"}}'],
      ['rates an array', '{"data":{"currency":"ETH","rates":["3380.485"]}}'],
      ['no rate for the quote', '{"data":{"currency":"ETH","rates":{"EUR":"3157.8767"}}}'],
      ['the rate as a JSON number', '{"data":{"currency":"ETH","rates":{"USD":3380.485}}}'],
      ['a zero rate', '{"data":{"currency":"ETH","rates":{"USD":"0"}}}'],
      ['a negative rate', '{"data":{"currency":"ETH","rates":{"USD":"-3380.485"}}}'],
      ['an exponent', '{"data":{"currency":"ETH","rates":{"USD":"3.380485e3"}}}'],
      ['an empty rate', '{"data":{"currency":"ETH","rates":{"USD":""}}}'],
      ['errors not an array', '{"errors":"boom"}'],
    ])('refuses a body with %s', (_name, body) => {
      expect(() => source.parseResponse('ETH/USD', body, fetchedAt)).toThrow(
        MalformedResponseError,
      );
    });

    it('reads data beside an empty errors list', () => {
      const body = '{"errors":[],"data":{"currency":"ETH","rates":{"USD":"3380.485"}}}';
      expect(source.parseResponse('ETH/USD', body, fetchedAt).rate).toEqual({
        numerator: 3380485n,
        denominator: 1000n,
      });
    });

    it('refuses pairs it was not configured for', () => {
      expect(() => source.buildRequest('BTC/USD')).toThrow(UnsupportedPairError);
      expect(() =>
        source.parseResponse('BTC/USD', fixture('coinbase-exchange-rates-ETH.json'), fetchedAt),
      ).toThrow(UnsupportedPairError);
    });
  });

  describe('spot endpoint', () => {
    const source = createCoinbaseSource({
      endpoint: 'spot',
      id: 'coinbase-spot',
      baseUrl: 'http://127.0.0.1:9',
    });

    it('asks for one pair', () => {
      expect(source.buildRequest('ETH/USD').url).toBe('http://127.0.0.1:9/v2/prices/ETH-USD/spot');
    });

    it('reads the fixture exactly', () => {
      expect(
        source.parseResponse('ETH/USD', fixture('coinbase-spot-ETH-USD.json'), fetchedAt),
      ).toMatchObject({
        source: 'coinbase-spot',
        rate: { numerator: 3380485n, denominator: 1000n },
      });
    });

    it.each([
      ['another base', '{"data":{"amount":"60000","base":"BTC","currency":"USD"}}'],
      ['another currency', '{"data":{"amount":"3157.87","base":"ETH","currency":"EUR"}}'],
      ['no amount', '{"data":{"base":"ETH","currency":"USD"}}'],
      ['no base', '{"data":{"amount":"3380.485","currency":"USD"}}'],
      ['a numeric amount', '{"data":{"amount":3380.485,"base":"ETH","currency":"USD"}}'],
    ])('refuses a body with %s', (_name, body) => {
      expect(() => source.parseResponse('ETH/USD', body, fetchedAt)).toThrow(
        MalformedResponseError,
      );
    });

    it('reports Coinbase’s own errors', () => {
      expect(() =>
        source.parseResponse('ETH/USD', fixture('coinbase-error-not-found.json'), fetchedAt),
      ).toThrow(SourceReportedError);
    });
  });

  it('refuses a bad configuration when built', () => {
    expect(() => createCoinbaseSource({ id: 'Coin Base' })).toThrow(InvalidRatesInputError);
    expect(() => createCoinbaseSource({ pairs: ['ETH-USD' as 'ETH/USD'] })).toThrow(
      InvalidRatesInputError,
    );
  });
});

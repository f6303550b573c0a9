import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBinanceSource } from './createBinanceSource.ts';
import { MalformedResponseError, SourceReportedError, UnsupportedPairError } from './errors.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fetchedAt = new Date('2024-06-28T16:05:00.000Z');
const source = createBinanceSource();

describe('createBinanceSource', () => {
  it('asks the price ticker by symbol', () => {
    expect(source.buildRequest('ETH/USDT')).toEqual({
      url: 'https://api.binance.com/api/v3/ticker/price?symbol=ETHUSDT',
      headers: { accept: 'application/json' },
    });
  });

  it.each([
    ['binance-ticker-price-ETHUSDT.json', 'ETH/USDT', 338120000000n, 100000000n],
    ['binance-ticker-price-EURUSDT.json', 'EUR/USDT', 107110000n, 100000000n],
  ] as const)('reads %s exactly', (name, pair, numerator, denominator) => {
    expect(source.parseResponse(pair, fixture(name), fetchedAt)).toEqual({
      source: 'binance',
      pair,
      rate: { numerator, denominator },
      observedAt: fetchedAt,
      fetchedAt,
      via: [pair],
      assumptions: [],
    });
  });

  it('reports Binance’s own errors', () => {
    expect(() =>
      source.parseResponse('ETH/USDT', fixture('binance-error-invalid-symbol.json'), fetchedAt),
    ).toThrow(
      expect.objectContaining({
        code: 'rates/source-reported-error',
        details: { source: 'binance', pair: 'ETH/USDT', messages: ['-1121: Invalid symbol.'] },
      }),
    );
    expect(() => source.parseResponse('ETH/USDT', '{"msg":"banned"}', fetchedAt)).toThrow(
      SourceReportedError,
    );
  });

  it.each([
    ['not JSON', ''],
    ['a list', '[{"symbol":"ETHUSDT","price":"3381.2"}]'],
    ['another symbol', '{"symbol":"BTCUSDT","price":"60000.00000000"}'],
    ['no symbol', '{"price":"3381.20000000"}'],
    ['no price', '{"symbol":"ETHUSDT"}'],
    ['a numeric price', '{"symbol":"ETHUSDT","price":3381.2}'],
    ['a zero price', '{"symbol":"ETHUSDT","price":"0.00000000"}'],
    ['a negative price', '{"symbol":"ETHUSDT","price":"-3381.20000000"}'],
    ['a price with an exponent', '{"symbol":"ETHUSDT","price":"3.3812E3"}'],
  ])('refuses a body with %s', (_name, body) => {
    expect(() => source.parseResponse('ETH/USDT', body, fetchedAt)).toThrow(MalformedResponseError);
  });

  it('quotes USDT pairs as USDT: USD only through a configured equivalence', () => {
    expect(source.pairs).not.toContain('ETH/USD');
    expect(source.equivalences).toEqual({});
    expect(() => source.buildRequest('ETH/USD')).toThrow(UnsupportedPairError);
    expect(createBinanceSource({ equivalences: { USDT: 'USD' } }).equivalences).toEqual({
      USDT: 'USD',
    });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEcbSource } from './createEcbSource.ts';
import { InvalidRatesInputError, MalformedResponseError, UnsupportedPairError } from './errors.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fetchedAt = new Date('2024-06-28T16:05:00.000Z');
const source = createEcbSource();
const daily = fixture('ecb-eurofxref-daily.xml');

function document(cubes: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<Cube>${cubes}</Cube>
</gesmes:Envelope>
`;
}

describe('createEcbSource', () => {
  it('quotes the euro against the configured currencies, from one document', () => {
    expect(source.pairs).toEqual(['EUR/USD', 'EUR/GBP', 'EUR/CHF', 'EUR/JPY']);
    expect(source.buildRequest('EUR/USD')).toEqual({
      url: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml',
      headers: { accept: 'application/xml, text/xml' },
    });
    expect(source.buildRequest('EUR/GBP').url).toBe(source.buildRequest('EUR/USD').url);
  });

  it.each([
    ['EUR/USD', 10705n, 10000n],
    ['EUR/GBP', 84638n, 100000n],
    ['EUR/JPY', 17194n, 100n],
  ] as const)(
    'reads %s from the daily file exactly, dated at the concertation',
    (pair, numerator, denominator) => {
      expect(source.parseResponse(pair, daily, fetchedAt)).toEqual({
        source: 'ecb',
        pair,
        rate: { numerator, denominator },
        observedAt: new Date('2024-06-28T12:10:00.000Z'),
        fetchedAt,
        via: [pair],
        assumptions: [],
      });
    },
  );

  it('reads double quotes, any attribute order and ignores comments', () => {
    const body = document(`
      <!-- <Cube time="2001-01-01"><Cube currency="USD" rate="9"/></Cube> -->
      <Cube time="2024-07-01"><Cube rate="1.0746" currency="USD" /></Cube>`);
    expect(source.parseResponse('EUR/USD', body, fetchedAt)).toMatchObject({
      rate: { numerator: 10746n, denominator: 10000n },
      observedAt: new Date('2024-07-01T12:10:00.000Z'),
    });
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>Maintenance</body></html>'],
    ['a truncated document', daily.slice(0, daily.length / 2)],
    ['no day', document(`<Cube currency='USD' rate='1.0705'/>`)],
    [
      'two days',
      document(
        `<Cube time='2024-06-28'><Cube currency='USD' rate='1.0705'/></Cube><Cube time='2024-06-27'><Cube currency='USD' rate='1.0683'/></Cube>`,
      ),
    ],
    [
      'a day that does not exist',
      document(`<Cube time='2024-02-30'><Cube currency='USD' rate='1.0705'/></Cube>`),
    ],
    [
      'a day that is not a date',
      document(`<Cube time='yesterday'><Cube currency='USD' rate='1.0705'/></Cube>`),
    ],
    [
      'no rate for the currency',
      document(`<Cube time='2024-06-28'><Cube currency='GBP' rate='0.84638'/></Cube>`),
    ],
    [
      'the currency twice',
      document(
        `<Cube time='2024-06-28'><Cube currency='USD' rate='1.0705'/><Cube currency='USD' rate='1.2'/></Cube>`,
      ),
    ],
    ['no rate attribute', document(`<Cube time='2024-06-28'><Cube currency='USD'/></Cube>`)],
    [
      'a zero rate',
      document(`<Cube time='2024-06-28'><Cube currency='USD' rate='0.0000'/></Cube>`),
    ],
    [
      'a negative rate',
      document(`<Cube time='2024-06-28'><Cube currency='USD' rate='-1.0705'/></Cube>`),
    ],
    [
      'a decimal comma',
      document(`<Cube time='2024-06-28'><Cube currency='USD' rate='1,0705'/></Cube>`),
    ],
  ])('refuses %s', (_name, body) => {
    expect(() => source.parseResponse('EUR/USD', body, fetchedAt)).toThrow(MalformedResponseError);
  });

  it('refuses pairs outside its currencies, and the inverse of its own', () => {
    expect(() => source.buildRequest('EUR/SEK')).toThrow(UnsupportedPairError);
    expect(() => source.parseResponse('USD/EUR', daily, fetchedAt)).toThrow(UnsupportedPairError);
    expect(
      createEcbSource({ currencies: ['SEK'] }).parseResponse('EUR/SEK', daily, fetchedAt).rate,
    ).toEqual({
      numerator: 113595n,
      denominator: 10000n,
    });
  });

  it('refuses a currency that is not a symbol when built', () => {
    expect(() => createEcbSource({ currencies: ['usd'] })).toThrow(InvalidRatesInputError);
    expect(() => createEcbSource({ currencies: ['EUR'] })).toThrow(InvalidRatesInputError);
  });
});

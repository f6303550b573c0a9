import type { Pair } from './Pair.ts';
import type { HttpRateSource, SourceQuote } from './RateSource.ts';
import { assertSourceConfig } from './assertSourceConfig.ts';
import type { AssertSourceConfigErrorType } from './assertSourceConfig.ts';
import { MalformedResponseError } from './errors.ts';
import { readDecimalRate } from './readDecimalRate.ts';
import { requireSupportedPair } from './requireSupportedPair.ts';

export type CreateEcbSourceParameters = {
  id?: string;
  /** Currencies read against the euro: each gives the pair `EUR/<currency>`. */
  currencies?: readonly string[];
  url?: string;
};
export type CreateEcbSourceReturnType = HttpRateSource;
export type CreateEcbSourceErrorType = AssertSourceConfigErrorType;

export const defaultEcbCurrencies: readonly string[] = ['USD', 'GBP', 'CHF', 'JPY'];

/**
 * The ECB's euro reference rates always come out after the 14:10 CET (Frankfurt time)
 * concertation; 12:10 UTC is 14:10 in summer time, the earliest it can be in UTC. Dating a rate
 * then can make it look up to an hour older than it is (in winter), never younger.
 */
const concertationUtc = 'T12:10:00.000Z';

/**
 * The ECB's daily euro reference rates, `eurofxref-daily.xml`: a `gesmes:Envelope` whose
 * `<Cube time='2024-06-28'>` holds `<Cube currency='USD' rate='1.0705'/>`, one per currency, all
 * against the euro. Published once a working day (around 16:00 CET), so give fiat pairs a
 * `maxAgeMs` that spans a long weekend. The ECB publishes them for information: here they only
 * cross-check the market sources.
 */
export function createEcbSource({
  id = 'ecb',
  currencies = defaultEcbCurrencies,
  url = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml',
}: CreateEcbSourceParameters = {}): CreateEcbSourceReturnType {
  const pairs = currencies.map((currency): Pair => `EUR/${currency}`);
  assertSourceConfig({ id, pairs, equivalences: {} });
  return {
    kind: 'http',
    id,
    pairs,
    equivalences: {},
    buildRequest(pair) {
      requireSupportedPair({ source: id, pairs, pair });
      return { url, headers: { accept: 'application/xml, text/xml' } };
    },
    parseResponse(pair, body, fetchedAt): SourceQuote {
      const { quote } = requireSupportedPair({ source: id, pairs, pair });
      const context = { source: id, pair };
      const fail = (reason: string): never => {
        throw new MalformedResponseError({ ...context, reason });
      };
      const xml = body.replace(/<!--[\s\S]*?-->/g, '');
      if (!/<gesmes:Envelope\b[^>]*>/.test(xml) || !/<\/gesmes:Envelope>\s*$/.test(xml)) {
        fail('not a gesmes:Envelope document');
      }
      const cubes = [...xml.matchAll(/<Cube\b([^>]*?)\/?>/g)].map((match) =>
        readAttributes(match[1] ?? ''),
      );
      const days = cubes.flatMap((attributes) => {
        const time = attributes.get('time');
        return time === undefined ? [] : [time];
      });
      if (days.length !== 1) fail(`expected one <Cube time=…>, found ${days.length}`);
      const day = days[0] ?? '';
      const observedAt = new Date(`${day}${concertationUtc}`);
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
        Number.isNaN(observedAt.getTime()) ||
        observedAt.toISOString().slice(0, 10) !== day
      ) {
        fail(`Cube time ${day} is not a date`);
      }
      const rates = cubes.filter((attributes) => attributes.get('currency') === quote);
      if (rates.length !== 1) fail(`expected one rate for ${quote}, found ${rates.length}`);
      const path = `Cube[currency=${quote}]@rate`;
      const text = rates[0]?.get('rate') ?? fail(`${path} is missing`);
      const rate = readDecimalRate({ ...context, text, path });
      return { source: id, pair, rate, observedAt, fetchedAt, via: [pair], assumptions: [] };
    },
  };
}

function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(/([A-Za-z_:][\w.:-]*)\s*=\s*(["'])(.*?)\2/g)) {
    const [, name, , value] = match;
    if (name !== undefined && value !== undefined) attributes.set(name, value);
  }
  return attributes;
}

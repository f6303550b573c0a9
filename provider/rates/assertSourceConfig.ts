import { InvalidRatesInputError } from './errors.ts';
import { parsePair } from './parsePair.ts';

export type AssertSourceConfigParameters = {
  id: unknown;
  pairs: readonly unknown[];
  equivalences: Readonly<Record<string, unknown>>;
};
export type AssertSourceConfigErrorType = InvalidRatesInputError;

const idPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;
const symbolPattern = /^[A-Z0-9]{2,12}$/;

/** Checks what every source is built from, once, when it is built: then requests can trust it. */
export function assertSourceConfig({
  id,
  pairs,
  equivalences,
}: AssertSourceConfigParameters): void {
  if (typeof id !== 'string' || !idPattern.test(id)) {
    throw new InvalidRatesInputError({
      field: 'source id',
      reason: 'expected 1-40 lower-case letters, digits or dashes',
      received: id,
    });
  }
  if (pairs.length === 0) {
    throw new InvalidRatesInputError({
      field: `${id} pairs`,
      reason: 'a source must quote at least one pair',
    });
  }
  for (const pair of pairs) {
    try {
      parsePair(pair);
    } catch (cause) {
      throw new InvalidRatesInputError({
        field: `${id} pairs`,
        reason: 'not a pair',
        received: pair,
        cause,
      });
    }
  }
  if (new Set(pairs).size !== pairs.length) {
    throw new InvalidRatesInputError({ field: `${id} pairs`, reason: 'a pair is listed twice' });
  }
  for (const [symbol, meaning] of Object.entries(equivalences)) {
    if (
      !symbolPattern.test(symbol) ||
      typeof meaning !== 'string' ||
      !symbolPattern.test(meaning) ||
      symbol === meaning
    ) {
      throw new InvalidRatesInputError({
        field: `${id} equivalences`,
        reason: 'expected { SYMBOL: "OTHER" } in capitals, like { USDT: "USD" }',
        received: `${symbol}=${String(meaning)}`,
      });
    }
  }
}

import { describe, expect, it } from 'vitest';
import { InvalidRatesInputError } from './errors.ts';
import { medianRate } from './medianRate.ts';

const rate = (numerator: bigint, denominator = 1n) => ({ numerator, denominator });

describe('medianRate', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(medianRate([rate(5n), rate(1n), rate(3n)])).toEqual(rate(3n));
  });

  it('takes the exact mean of the two middle rates of an even count', () => {
    // (3380.50 + 3380.71) / 2 = 3380.605
    expect(
      medianRate([rate(338050n, 100n), rate(3381n), rate(338071n, 100n), rate(3380n)]),
    ).toEqual(rate(676121n, 200n));
    expect(medianRate([rate(1n, 3n), rate(1n, 2n)])).toEqual(rate(5n, 12n));
  });

  it('answers one rate with itself, in lowest terms', () => {
    expect(medianRate([rate(10n, 4n)])).toEqual(rate(5n, 2n));
  });

  it('refuses no rates', () => {
    expect(() => medianRate([])).toThrow(InvalidRatesInputError);
  });
});

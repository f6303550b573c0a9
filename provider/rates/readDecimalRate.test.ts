import { describe, expect, it } from 'vitest';
import { InvalidRateError } from '../../shared/money/errors.ts';
import { MalformedResponseError } from './errors.ts';
import { readDecimalRate } from './readDecimalRate.ts';

const context = { source: 'test', pair: 'ETH/USD', path: 'price' } as const;

describe('readDecimalRate', () => {
  it('reads a decimal exactly, trailing zeros and long fractions included', () => {
    expect(readDecimalRate({ ...context, text: '3381.20000000' })).toEqual({
      numerator: 338120000000n,
      denominator: 100000000n,
    });
    expect(readDecimalRate({ ...context, text: '0.05539498253627738' })).toEqual({
      numerator: 5539498253627738n,
      denominator: 10n ** 17n,
    });
  });

  it.each(['0', '0.00000000', '-3381.2', '3.3812e3', 'NaN', '', ' 1', '1,5'])(
    'refuses %j as the source’s fault, with the money error as cause',
    (text) => {
      let error: unknown;
      try {
        readDecimalRate({ ...context, text });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(MalformedResponseError);
      expect((error as MalformedResponseError).cause).toBeInstanceOf(InvalidRateError);
      expect((error as MalformedResponseError).details).toEqual({
        source: 'test',
        pair: 'ETH/USD',
        reason: 'price is not a positive decimal',
      });
    },
  );
});

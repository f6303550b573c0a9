import { describe, expect, it } from 'vitest';
import { InvalidRateError } from './errors.ts';
import { parseRate } from './parseRate.ts';

describe('parseRate', () => {
  it.each([
    ['1.0834', 10834n, 10000n],
    ['1', 1n, 1n],
    ['3456.78', 345678n, 100n],
    ['0.000289', 289n, 1000000n],
    ['150.50', 15050n, 100n],
  ])('reads %s exactly as %s/%s', (text, numerator, denominator) => {
    expect(parseRate(text)).toEqual({ numerator, denominator });
  });

  it.each(['0', '0.000', '', '-1.2', '+1.2', '1e3', 'NaN', 'Infinity', '.5', '5.', '1,5', ' 1'])(
    'refuses %j',
    (text) => {
      expect(() => parseRate(text)).toThrow(InvalidRateError);
      expect(() => parseRate(text)).toThrow(expect.objectContaining({ code: 'rate/invalid' }));
    },
  );

  it('refuses input that is not a string or is absurdly long', () => {
    expect(() => parseRate(1.08 as unknown as string)).toThrow(InvalidRateError);
    expect(() => parseRate('1'.repeat(257))).toThrow(InvalidRateError);
  });
});

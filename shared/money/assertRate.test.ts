import { describe, expect, it } from 'vitest';
import { assertRate } from './assertRate.ts';
import { InvalidRateError } from './errors.ts';

describe('assertRate', () => {
  it('accepts positive bigint numerator and denominator', () => {
    expect(() => {
      assertRate({ numerator: 10834n, denominator: 10000n });
    }).not.toThrow();
  });

  it.each([
    ['null', null],
    ['a decimal string', '1.0834'],
    ['a number numerator', { numerator: 1, denominator: 1n }],
    ['a zero numerator', { numerator: 0n, denominator: 1n }],
    ['a zero denominator', { numerator: 1n, denominator: 0n }],
    ['a negative rate', { numerator: -1n, denominator: 1n }],
  ])('refuses %s', (_label, rate) => {
    expect(() => {
      assertRate(rate);
    }).toThrow(InvalidRateError);
  });
});

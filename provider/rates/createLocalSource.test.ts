import { describe, expect, it } from 'vitest';
import { createLocalSource } from './createLocalSource.ts';
import { InvalidRatesInputError, UnsupportedPairError } from './errors.ts';

const at = new Date('2024-06-28T16:05:00.000Z');

describe('createLocalSource', () => {
  it('answers its configured rates exactly, as fresh as the moment asked', () => {
    const source = createLocalSource({ rates: { 'ETH/USD': '3380.50', 'EUR/USD': '1.07' } });
    expect(source.kind).toBe('fixed');
    expect(source.pairs).toEqual(['ETH/USD', 'EUR/USD']);
    expect(source.quote('ETH/USD', at)).toEqual({
      source: 'local',
      pair: 'ETH/USD',
      rate: { numerator: 6761n, denominator: 2n },
      observedAt: at,
      fetchedAt: at,
      via: ['ETH/USD'],
      assumptions: [],
    });
  });

  it.each([
    [100n, { numerator: 3030n, denominator: 1n }],
    [-250n, { numerator: 2925n, denominator: 1n }],
    [1n, { numerator: 3000300n, denominator: 1000n }],
  ])('skews every rate by %s basis points on purpose', (skewBasisPoints, rate) => {
    const source = createLocalSource({
      id: 'local-skewed',
      rates: { 'ETH/USD': '3000' },
      skewBasisPoints,
    });
    const quoted = source.quote('ETH/USD', at).rate;
    expect(quoted.numerator * rate.denominator).toBe(rate.numerator * quoted.denominator);
  });

  it('refuses pairs it has no rate for', () => {
    expect(() => createLocalSource({ rates: { 'ETH/USD': '3000' } }).quote('USD/ETH', at)).toThrow(
      UnsupportedPairError,
    );
  });

  it.each([
    ['no rates', { rates: {} }],
    ['a zero rate', { rates: { 'ETH/USD': '0' } }],
    ['a float-looking rate', { rates: { 'ETH/USD': '3e3' } }],
    ['a pair that is not one', { rates: { 'ETH-USD': '3000' } as never }],
    ['a skew that makes rates zero', { rates: { 'ETH/USD': '3000' }, skewBasisPoints: -10_000n }],
    [
      'a skew that is a number',
      { rates: { 'ETH/USD': '3000' }, skewBasisPoints: 5 as unknown as bigint },
    ],
    ['a bad id', { id: 'Local', rates: { 'ETH/USD': '3000' } }],
  ])('refuses %s', (_name, parameters) => {
    expect(() => createLocalSource(parameters)).toThrow(InvalidRatesInputError);
  });
});

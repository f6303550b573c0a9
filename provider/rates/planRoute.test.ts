import { describe, expect, it } from 'vitest';
import { UnsupportedPairError } from './errors.ts';
import { planRoute } from './planRoute.ts';

const plan = (target: `${string}/${string}`, pairs: `${string}/${string}`[], equivalences = {}) =>
  planRoute({ source: 'test', target, pairs, equivalences });

describe('planRoute', () => {
  it('reads the market itself when the source quotes it', () => {
    expect(plan('ETH/USD', ['EUR/USD', 'ETH/USD'])).toEqual({
      legs: [{ pair: 'ETH/USD', isInverted: false }],
      assumptions: [],
    });
  });

  it('inverts a market quoted the other way round', () => {
    expect(plan('USD/EUR', ['EUR/USD'])).toEqual({
      legs: [{ pair: 'EUR/USD', isInverted: true }],
      assumptions: [],
    });
  });

  it('crosses two markets through a common symbol', () => {
    expect(plan('ETH/EUR', ['ETH/USDT', 'EUR/USDT'])).toEqual({
      legs: [
        { pair: 'ETH/USDT', isInverted: false },
        { pair: 'EUR/USDT', isInverted: true },
      ],
      assumptions: [],
    });
    expect(plan('USD/GBP', ['EUR/USD', 'EUR/GBP'])).toEqual({
      legs: [
        { pair: 'EUR/USD', isInverted: true },
        { pair: 'EUR/GBP', isInverted: false },
      ],
      assumptions: [],
    });
  });

  it('prefers one leg to two', () => {
    expect(plan('ETH/EUR', ['ETH/USD', 'EUR/USD', 'ETH/EUR']).legs).toEqual([
      { pair: 'ETH/EUR', isInverted: false },
    ]);
  });

  it('uses a configured equivalence, and says so', () => {
    expect(plan('ETH/USD', ['ETH/USDT'], { USDT: 'USD' })).toEqual({
      legs: [{ pair: 'ETH/USDT', isInverted: false }],
      assumptions: ['USDT=USD'],
    });
    expect(plan('USD/ETH', ['ETH/USDT'], { USDT: 'USD' })).toEqual({
      legs: [{ pair: 'ETH/USDT', isInverted: true }],
      assumptions: ['USDT=USD'],
    });
  });

  it('never assumes an equivalence that is not configured', () => {
    expect(() => plan('ETH/USD', ['ETH/USDT', 'EUR/USDT'])).toThrow(UnsupportedPairError);
  });

  it('prefers the route with fewer assumptions', () => {
    expect(plan('ETH/USD', ['ETH/USDT', 'ETH/USD'], { USDT: 'USD' })).toEqual({
      legs: [{ pair: 'ETH/USD', isInverted: false }],
      assumptions: [],
    });
  });

  it('follows the source’s order among equal routes', () => {
    expect(plan('ETH/EUR', ['ETH/USDC', 'ETH/USDT', 'EUR/USDT', 'EUR/USDC']).legs).toEqual([
      { pair: 'ETH/USDC', isInverted: false },
      { pair: 'EUR/USDC', isInverted: true },
    ]);
  });

  it('refuses what no route reaches', () => {
    expect(() => plan('BTC/USD', ['ETH/USD', 'EUR/USD'])).toThrow(
      expect.objectContaining({
        code: 'rates/unsupported-pair',
        details: { source: 'test', pair: 'BTC/USD' },
      }),
    );
    expect(() => plan('BTC/JPY', ['BTC/USD', 'EUR/USD', 'EUR/JPY'])).toThrow(UnsupportedPairError);
  });
});

import { describe, expect, it } from 'vitest';
import type { Decision } from '../Decision.ts';
import { describeDecision } from './describeDecision.ts';

const euro = { kind: 'fiat', currency: 'EUR', decimals: 2 } as const;

describe('describeDecision', () => {
  it('names the cap a refused payment would pass, in the words a site can show', () => {
    const decision: Decision = {
      action: 'block',
      currency: 'EUR',
      spends: [],
      reasons: [
        {
          rule: 'limit',
          scope: 'site',
          window: 'day',
          unit: euro,
          used: 4_500n,
          amount: 1_200n,
          limit: 5_000n,
          remaining: 0n,
          isExceeded: true,
          isUnknown: false,
          action: 'block',
        },
        { rule: 'site-payments', preset: 'trusted-shop', action: 'auto' },
      ],
    };
    expect(describeDecision({ decision, origin: 'https://shop.example' })).toBe(
      'this payment of 12 EUR would pass your 50 EUR daily limit for shop.example (45 EUR used before)',
    );
  });

  it('says what an automatic payment used, for the notification', () => {
    const decision: Decision = {
      action: 'auto',
      currency: 'EUR',
      spends: [],
      reasons: [
        {
          rule: 'limit',
          scope: 'wallet',
          window: 'day',
          unit: euro,
          used: 0n,
          amount: 1_250n,
          limit: 20_000n,
          remaining: 18_750n,
          isExceeded: false,
          isUnknown: false,
          action: 'auto',
        },
      ],
    };
    expect(describeDecision({ decision, origin: 'https://shop.example' })).toBe(
      'this payment uses 12.5 EUR of your 200 EUR daily limit across all sites (0 EUR used before)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseExecutionPermissionRequest } from '../policy/parseExecutionPermissionRequest.ts';
import { InvalidSubscriptionExtensionError } from './errors.ts';
import {
  readSubscriptionExtension,
  subscriptionExtensionKey,
} from './readSubscriptionExtension.ts';

const monthSeconds = 28 * 86_400;
const value = {
  version: 1,
  providerUrl: 'http://127.0.0.1:8787',
  sessionId: 'cs_0123456789abcdef',
  publishableKey: 'pk_test_abc',
  interval: 'month',
  intervalCount: 1,
  gracePeriodSeconds: 259_200,
};
const read = (overrides: Record<string, unknown>, periodSeconds = monthSeconds) =>
  readSubscriptionExtension({ value: { ...value, ...overrides }, periodSeconds, path: 'x' });

describe('readSubscriptionExtension', () => {
  it('reads what a TP checkout sends', () => {
    expect(read({})).toEqual({
      providerUrl: 'http://127.0.0.1:8787',
      sessionId: 'cs_0123456789abcdef',
      publishableKey: 'pk_test_abc',
      interval: 'month',
      intervalCount: 1,
      gracePeriodSeconds: 259_200,
    });
    expect(read({ providerUrl: 'https://pay.example/' }).providerUrl).toBe('https://pay.example');
  });

  it.each([
    [{ version: 2 }, 'x.version'],
    [{ providerUrl: 'http://pay.example' }, 'x.providerUrl'],
    [{ providerUrl: 'https://pay.example/v1' }, 'x.providerUrl'],
    [{ providerUrl: 'https://user:pw@pay.example' }, 'x.providerUrl'],
    [{ sessionId: 'sub_1' }, 'x.sessionId'],
    [{ publishableKey: 'sk_live_1' }, 'x.publishableKey'],
    [{ interval: 'fortnight' }, 'x.interval'],
    [{ intervalCount: 13 }, 'x.intervalCount'],
    // A calendar more frequent than the grant's windows would let the provider bill more often.
    [{ interval: 'day', intervalCount: 1 }, 'x.interval'],
    [{ gracePeriodSeconds: monthSeconds }, 'x.gracePeriodSeconds'],
    [{ extra: true }, 'x.extra'],
  ])('refuses %j', (overrides, field) => {
    expect(() => read(overrides)).toThrow(InvalidSubscriptionExtensionError);
    try {
      read(overrides);
    } catch (error) {
      expect((error as InvalidSubscriptionExtensionError).details.field).toBe(field);
    }
  });
});

describe('parseExecutionPermissionRequest with the TP extension', () => {
  const request = {
    chainId: '0x7a69',
    to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    permission: {
      type: 'erc20-token-periodic',
      isAdjustmentAllowed: false,
      data: {
        tokenAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        periodAmount: '0xb5e620',
        periodDuration: monthSeconds,
        startTime: 1_800_000_000,
      },
    },
  };

  it('keeps the standard request as is and adds the subscription beside the grant', () => {
    const [parsed] = parseExecutionPermissionRequest({
      params: [{ ...request, [subscriptionExtensionKey]: value }],
      now: 1_799_999_000,
    });
    expect(parsed?.grant.amount).toBe(11_920_928n);
    expect(parsed?.subscription?.sessionId).toBe('cs_0123456789abcdef');
    const [plain] = parseExecutionPermissionRequest({ params: [request], now: 1_799_999_000 });
    expect(plain?.subscription).toBeUndefined();
  });

  it('refuses a malformed extension as an invalid request, naming the field', () => {
    expect(() =>
      parseExecutionPermissionRequest({
        params: [{ ...request, [subscriptionExtensionKey]: { ...value, version: 9 } }],
        now: 1_799_999_000,
      }),
    ).toThrow(/tpPay:subscription.*version/);
  });
});

import { describe, expect, it } from 'vitest';
import type { Decision } from './Decision.ts';
import {
  InvalidPermissionRequestError,
  InvalidPolicyError,
  ReservationRefusedError,
  UnsupportedPermissionTypeError,
} from './errors.ts';
import { toProviderRpcError } from './toProviderRpcError.ts';

const blockedDecision: Decision = {
  action: 'block',
  currency: 'EUR',
  spends: [],
  reasons: [
    { rule: 'site-payments', preset: 'trusted-shop', action: 'auto' },
    {
      rule: 'limit',
      scope: 'site',
      window: 'day',
      unit: { kind: 'fiat', currency: 'EUR', decimals: 2 },
      used: 4000n,
      amount: 1500n,
      limit: 5000n,
      remaining: 0n,
      isExceeded: true,
      isUnknown: false,
      action: 'block',
    },
    { rule: 'recipient-not-allowed', action: 'block' },
  ],
};

describe('toProviderRpcError', () => {
  it('answers a blocked decision with 4100 naming the rules, never the amounts', () => {
    const error = toProviderRpcError({ decision: blockedDecision });
    expect(error?.toPayload()).toEqual({
      code: 4100,
      message:
        "Refused by the wallet's spending policy for this site (site-limit:day, recipient-not-allowed).",
      data: { reason: 'spending-policy', rules: ['site-limit:day', 'recipient-not-allowed'] },
    });
    expect(JSON.stringify(error?.toPayload())).not.toContain('5000');
  });

  it('has nothing to say about a decision that is not a block', () => {
    expect(
      toProviderRpcError({ decision: { ...blockedDecision, action: 'confirm' } }),
    ).toBeUndefined();
  });

  it('maps refused reservations: blocked → 4100, needs more approval → 4001', () => {
    const blockedReservation = new ReservationRefusedError({
      action: 'block',
      approvedAction: 'auto',
      rules: ['limit'],
    });
    expect(toProviderRpcError({ error: blockedReservation })?.rpcCode).toBe(4100);
    const needsMore = new ReservationRefusedError({
      action: 'step-up',
      approvedAction: 'confirm',
      rules: ['limit'],
    });
    expect(toProviderRpcError({ error: needsMore })?.rpcCode).toBe(4001);
  });

  it('maps permission request errors to -32602 naming the field', () => {
    const unsupported = new UnsupportedPermissionTypeError({
      field: 'params[0].permission.type',
      type: 'native-token-stream',
      supported: ['erc20-token-periodic'],
    });
    expect(toProviderRpcError({ error: unsupported })?.toPayload()).toMatchObject({
      code: -32602,
      data: { param: 'params[0].permission.type', code: 'policy/unsupported-permission-type' },
    });
    const invalid = new InvalidPermissionRequestError({ field: 'params', expected: 'an array' });
    expect(toProviderRpcError({ error: invalid })?.rpcCode).toBe(-32602);
    expect(toProviderRpcError({ error: new Error('other') })).toBeUndefined();
  });

  it('maps a policy or grant that does not fit the model to -32602 naming the field', () => {
    const invalid = new InvalidPolicyError({ field: 'grants[0].amount', expected: 'above 0' });
    expect(toProviderRpcError({ error: invalid })?.toPayload()).toMatchObject({
      code: -32602,
      data: { param: 'grants[0].amount', code: 'policy/invalid' },
    });
  });
});

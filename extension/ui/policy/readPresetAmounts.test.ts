import { describe, expect, it } from 'vitest';
import type { LimitJson, SitePolicyJson } from '../../../shared/protocol/policyMessages.ts';
import { readPresetAmounts } from './readPresetAmounts.ts';

const fiat = (window: LimitJson['window'], amount: string): LimitJson => ({
  window,
  unit: { kind: 'fiat' },
  amount,
  whenExceeded: 'confirm',
});
const policyWith = (limits: LimitJson[]): SitePolicyJson => ({
  preset: 'trusted-shop',
  payments: 'auto',
  unprovable: 'confirm',
  limits,
  whenNotAllowed: 'block',
  confirmNewRecipients: true,
  grants: [],
});

describe('readPresetAmounts', () => {
  it('reads the per-payment and per-day fiat caps', () => {
    expect(
      readPresetAmounts(policyWith([fiat('transaction', '2000'), fiat('day', '5000')])),
    ).toEqual({ perPayment: '2000', perDay: '5000' });
  });

  it('ignores token caps and other windows', () => {
    const tokenCap: LimitJson = {
      window: 'day',
      unit: { kind: 'token', chainId: 1, asset: 'native', symbol: 'ETH', decimals: 18 },
      amount: '1',
      whenExceeded: 'confirm',
    };
    expect(readPresetAmounts(policyWith([tokenCap, fiat('week', '100')]))).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { DecisionView, ReasonView } from '../../../shared/protocol/policyMessages.ts';
import { describeDecisionReasons } from './describeDecisionReasons.ts';

const euro = { kind: 'fiat', currency: 'EUR', decimals: 2 } as const;
const t = createTranslator('en');

const decisionWith = (action: DecisionView['action'], reasons: ReasonView[]): DecisionView => ({
  action,
  reasons,
  spends: [],
  currency: 'EUR',
  currencyDecimals: 2,
  preset: 'trusted-shop',
});

const limit = (overrides: Partial<Extract<ReasonView, { rule: 'limit' }>>): ReasonView => ({
  rule: 'limit',
  scope: 'site',
  window: 'day',
  unit: euro,
  used: '1000',
  amount: '500',
  limit: '5000',
  remaining: '4000',
  isExceeded: false,
  isUnknown: false,
  action: 'auto',
  ...overrides,
});

describe('describeDecisionReasons', () => {
  it('names the caps an automatic payment fitted', () => {
    const decision = decisionWith('auto', [
      { rule: 'site-payments', preset: 'trusted-shop', action: 'auto' },
      limit({ window: 'transaction' }),
      limit({}),
      limit({ scope: 'wallet', limit: '20000' }),
    ]);
    expect(describeDecisionReasons(decision, t, 'en')).toEqual([
      'Site setting: Trusted shop',
      "Within this site's cap: €50.00 per payment",
      "Within this site's cap: €50.00 per day",
      'Within your cap across sites: €200.00 per day',
    ]);
  });

  it('keeps only the rules that asked for the decision, once each', () => {
    const decision = decisionWith('confirm', [
      limit({}),
      limit({ isExceeded: true, action: 'confirm' }),
      limit({ isExceeded: true, action: 'confirm' }),
      { rule: 'new-recipient', chainId: 1, recipient: `0x${'1'.repeat(40)}`, action: 'confirm' },
    ]);
    expect(describeDecisionReasons(decision, t, 'en')).toEqual([
      "Over this site's cap: €50.00 per day",
      'A recipient this site never paid before',
    ]);
  });

  it('explains the kill switch and a refusal', () => {
    expect(
      describeDecisionReasons(
        decisionWith('confirm', [{ rule: 'kill-switch', action: 'confirm' }]),
        t,
        'en',
      ),
    ).toEqual(['Automatic payments are frozen']);
    expect(
      describeDecisionReasons(
        decisionWith('block', [
          { rule: 'site-payments', preset: 'subscriptions', action: 'block' },
        ]),
        t,
        'en',
      ),
    ).toEqual(['Site setting: Subscriptions only']);
  });

  it('says whether the network fee fitted the cap for automatic payments', () => {
    const fee = (action: 'auto' | 'confirm'): ReasonView => ({
      rule: 'network-fee',
      fee: '21000000000000',
      value: '5',
      limit: '100',
      action,
    });
    expect(describeDecisionReasons(decisionWith('auto', [fee('auto')]), t, 'en')).toEqual([
      'Network fee within your €1.00 limit for automatic payments',
    ]);
    expect(describeDecisionReasons(decisionWith('confirm', [fee('confirm')]), t, 'en')).toEqual([
      'Network fee above your €1.00 limit for automatic payments',
    ]);
  });

  it('counts a grant in its token', () => {
    const usdc = {
      kind: 'token',
      chainId: 1,
      asset: 'native',
      symbol: 'USDC',
      decimals: 6,
    } as const;
    const decision = decisionWith('auto', [
      {
        rule: 'grant',
        grantId: 'g1',
        fits: true,
        unit: usdc,
        used: '0',
        amount: '1000000',
        limit: '10000000',
        remaining: '10000000',
        periodStart: 0,
        action: 'auto',
      },
    ]);
    expect(describeDecisionReasons(decision, t, 'en')).toEqual([
      'Fits your allowance of 10\u00a0USDC',
    ]);
  });

  it('speaks Chinese for zh-CN', () => {
    const decision = decisionWith('confirm', [{ rule: 'kill-switch', action: 'confirm' }]);
    expect(describeDecisionReasons(decision, createTranslator('zh-CN'), 'zh-CN')).toEqual([
      '自动付款已冻结',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { PolicyPromptView } from '../../../shared/protocol/approvalMessages.ts';
import type { ReasonView } from '../../../shared/protocol/policyMessages.ts';
import { describePolicyPrompt } from './describePolicyPrompt.ts';

const euro = { kind: 'fiat', currency: 'EUR', decimals: 2 } as const;

function prompt(
  action: PolicyPromptView['decision']['action'],
  reasons: ReasonView[],
  extra: Partial<PolicyPromptView> = {},
): PolicyPromptView {
  return {
    decision: {
      action,
      reasons,
      spends: [],
      currency: 'EUR',
      currencyDecimals: 2,
      preset: 'trusted-shop',
    },
    requiresPassword: false,
    ...extra,
  };
}

const dailyLimit = (used: string, amount: string, isExceeded: boolean): ReasonView => ({
  rule: 'limit',
  scope: 'site',
  window: 'day',
  unit: euro,
  used,
  amount,
  limit: '5000',
  remaining: isExceeded ? '0' : String(5000 - Number(used) - Number(amount)),
  isExceeded,
  isUnknown: false,
  action: isExceeded ? 'confirm' : 'auto',
});

describe('describePolicyPrompt', () => {
  it('says which cap the payment would pass, with what was used', () => {
    const { reasons, usage } = describePolicyPrompt({
      prompt: prompt('confirm', [dailyLimit('4500', '2000', true)]),
      site: 'shop.example',
      t: createTranslator('en'),
      locale: 'en',
    });
    expect(reasons).toEqual([
      'This payment of €20.00 would pass your €50.00 daily limit for shop.example (€45.00 already used).',
    ]);
    expect(usage).toEqual([]);
  });

  it('lists the caps the request uses without passing them, as what is left', () => {
    const { reasons, usage } = describePolicyPrompt({
      prompt: prompt('confirm', [
        {
          rule: 'new-recipient',
          chainId: 1,
          recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
          action: 'confirm',
        },
        dailyLimit('0', '1200', false),
      ]),
      site: 'shop.example',
      t: createTranslator('en'),
      locale: 'en',
    });
    expect(reasons).toEqual(['shop.example has never paid 0x7099…79C8 before.']);
    expect(usage).toEqual([
      'This payment uses €12.00 of your €50.00 daily limit for shop.example (€38.00 left after it).',
    ]);
  });

  it('adds the password line for step-up, and speaks Chinese', () => {
    const { reasons } = describePolicyPrompt({
      prompt: prompt('step-up', [{ rule: 'kill-switch', action: 'step-up' }], {
        requiresPassword: true,
      }),
      site: 'shop.example',
      t: createTranslator('zh-CN'),
      locale: 'zh-CN',
    });
    expect(reasons).toEqual([
      '自动付款已冻结（紧急开关）：每笔付款都会询问你。',
      '你的支出策略要求此操作输入密码。',
    ]);
  });

  it('never prints the value of "unlimited"', () => {
    const limit = dailyLimit('0', (2n ** 256n - 1n).toString(), true);
    const view = prompt('confirm', [limit]);
    const { reasons } = describePolicyPrompt({
      prompt: {
        ...view,
        decision: {
          ...view.decision,
          spends: [
            {
              kind: 'approval',
              chainId: 1,
              asset: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
              amount: (2n ** 256n - 1n).toString(),
              isUnlimited: true,
            },
          ],
        },
      },
      site: 'shop.example',
      t: createTranslator('en'),
      locale: 'en',
    });
    expect(reasons).toEqual([
      'An unlimited approval passes your €50.00 daily limit for shop.example.',
    ]);
  });
  it('says why a grant did not cover the payment (a subscription renewal above its allowance)', () => {
    const usdc = {
      kind: 'token',
      chainId: 31337,
      asset: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      symbol: 'USDC',
      decimals: 6,
    } as const;
    const grantReason = (fits: boolean): ReasonView => ({
      rule: 'grant',
      grantId: 'g1',
      fits,
      unit: usdc,
      used: '0',
      amount: '12500000',
      limit: '11000000',
      remaining: '0',
      periodStart: 0,
      action: 'auto',
    });
    const asked = describePolicyPrompt({
      prompt: prompt('confirm', [
        { rule: 'site-payments', preset: 'ask', action: 'confirm' },
        grantReason(false),
      ]),
      site: 'shop.example',
      t: createTranslator('en'),
      locale: 'en',
    });
    expect(asked.reasons.join(' ')).toMatch(/12\.5\sUSDC does not fit the 11\sUSDC you allowed/);
    const automatic = describePolicyPrompt({
      prompt: prompt('auto', [grantReason(false)]),
      site: 'shop.example',
      t: createTranslator('en'),
      locale: 'en',
    });
    expect(automatic.reasons).toEqual([]);
  });
});

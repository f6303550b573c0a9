import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import type { SubscriptionRenewalView } from '../../../shared/protocol/approvalMessages.ts';
import { describeRenewal } from './describeRenewal.ts';

const renewal: SubscriptionRenewalView = {
  planName: 'Fake Club, monthly',
  periodIndex: 3,
  dueAt: '2027-01-07T12:00:00.000Z',
  price: { amountMinor: '999', currency: 'EUR' },
  interval: 'month',
  intervalCount: 1,
};
const en = {
  t: createTranslator('en'),
  locale: 'en',
  origin: 'https://shop.example',
  timeZone: 'UTC',
} as const;

describe('describeRenewal', () => {
  it('names the site, the period and its due date, then the plan and its price', () => {
    expect(describeRenewal(renewal, en)).toEqual({
      title: 'Subscription renewal · shop.example · period 3 (due Jan 7, 2027)',
      plan: 'Fake Club, monthly · €9.99 per month',
    });
  });

  it('says "every n" for a plan billed every few intervals, and leaves out what it does not know', () => {
    const { planName: _planName, price: _price, ...bare } = renewal;
    expect(describeRenewal(bare, en)).toEqual({
      title: 'Subscription renewal · shop.example · period 3 (due Jan 7, 2027)',
    });
    expect(
      describeRenewal({ ...renewal, planName: 'Club', interval: 'week', intervalCount: 2 }, en)
        .plan,
    ).toBe('Club · €9.99 every 2 weeks');
    // An unknown currency: the plan's name still says what it is.
    expect(
      describeRenewal({ ...renewal, price: { amountMinor: '1', currency: 'XQQ' } }, en).plan,
    ).toBe('Fake Club, monthly');
  });

  it('speaks the wallet language', () => {
    const { title } = describeRenewal(renewal, {
      ...en,
      t: createTranslator('zh-CN'),
      locale: 'zh-CN',
    });
    expect(title).toBe('订阅续费 · shop.example · 第 3 期（2027年1月7日 到期）');
  });
});

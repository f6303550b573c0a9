import { describe, expect, it } from 'vitest';
import english from '../../locales/widget/subscription/en.json';
import german from '../../locales/widget/subscription/de.json';
import { describeSubscriptionTerms } from './describeSubscriptionTerms.ts';

const plan = {
  amount_minor: '999',
  currency: 'EUR',
  interval: 'month' as const,
  interval_count: 1,
  trial_days: 0,
  cycles: null,
  allowance_margin_percent: 10,
};
const grant = {
  period_amount: '11940000',
  asset: 'USDC',
  decimals: 6,
  start_time: Date.UTC(2026, 0, 31, 12) / 1000,
};
const now = new Date(Date.UTC(2026, 0, 31, 12));

describe('describeSubscriptionTerms', () => {
  it('shows the price per period, the first payment and the allowance with its margin', () => {
    const terms = describeSubscriptionTerms({
      plan,
      grant,
      catalog: english,
      fallback: english,
      locale: 'en',
      isolateValues: false,
      now,
    });
    expect(terms.price).toBe('€9.99 per month');
    expect(terms.schedule).toBe('first payment today');
    expect(terms.cycles).toBeNull();
    expect(terms.allowance?.replace(/\s/g, ' ')).toContain('up to 11.94 USDC per month');
    expect(terms.margin).toContain('10%');
  });

  it('shows a trial with the date of the first payment, cycles, and other intervals', () => {
    const terms = describeSubscriptionTerms({
      plan: { ...plan, trial_days: 14, cycles: 4, interval: 'week', interval_count: 2 },
      grant: { ...grant, start_time: grant.start_time + 14 * 86_400 },
      catalog: german,
      fallback: english,
      locale: 'de',
      isolateValues: false,
      now,
    });
    expect(terms.price.replace(/\s/g, ' ')).toBe('9,99 € alle 2 Wochen');
    expect(terms.schedule).toBe('14 Tage kostenlos testen, erste Zahlung am 14.02.2026');
    expect(terms.cycles).toBe('4 Zahlungen insgesamt');
  });

  it('has no allowance line before a quote is locked', () => {
    const terms = describeSubscriptionTerms({
      plan,
      grant: null,
      catalog: english,
      fallback: english,
      locale: 'en',
      isolateValues: false,
      now,
    });
    expect(terms.allowance).toBeNull();
    expect(terms.margin).toBeNull();
  });
});

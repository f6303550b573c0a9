import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { describeGrantPeriod } from './describeGrantPeriod.ts';

const t = createTranslator('en');

describe('describeGrantPeriod', () => {
  it('names the usual periods', () => {
    expect(describeGrantPeriod(3600, t)).toBe('per hour');
    expect(describeGrantPeriod(86_400, t)).toBe('per day');
    expect(describeGrantPeriod(604_800, t)).toBe('per week');
    expect(describeGrantPeriod(30 * 86_400, t)).toBe('per 30 days');
  });

  it('says "in total" for a grant without a period', () => {
    expect(describeGrantPeriod(undefined, t)).toBe('in total');
  });

  it('names odd lengths exactly instead of rounding them', () => {
    expect(describeGrantPeriod(7200, t)).toBe('per 2 hours');
    expect(describeGrantPeriod(90, t)).toBe('per 90 seconds');
    expect(describeGrantPeriod(86_400 + 3600, t)).toBe('per 25 hours');
  });

  it('speaks the user language', () => {
    expect(describeGrantPeriod(30 * 86_400, createTranslator('zh-CN'))).toBe('每 30 天');
  });
});

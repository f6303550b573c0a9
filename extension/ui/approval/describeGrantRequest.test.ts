import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { describeGrantRequest } from './describeGrantRequest.ts';

const token = {
  chainId: 1,
  asset: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  symbol: 'USDC',
  decimals: 6,
} as const;
const juneFirst = Date.parse('2026-06-01T12:00:00Z') / 1000;
/** Intl puts no-break and narrow spaces between amount and unit, and before AM/PM. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');

describe('describeGrantRequest', () => {
  it('says what the site may take, how often and until when', () => {
    expect(
      plain(
        describeGrantRequest({
          grant: { token, amount: '10000000', periodSeconds: 30 * 86_400, endTime: juneFirst },
          site: 'shop.example',
          t: createTranslator('en'),
          locale: 'en',
          timeZone: 'UTC',
        }),
      ),
    ).toBe('shop.example may take up to 10 USDC every 30 days until Jun 1, 2026, 12:00 PM');
  });

  it('names an allowance without a period or an end as such', () => {
    expect(
      plain(
        describeGrantRequest({
          grant: { token, amount: '2500000' },
          site: 'shop.example',
          t: createTranslator('en'),
          locale: 'en',
        }),
      ),
    ).toBe('shop.example may take up to 2.5 USDC in total, with no end date');
  });

  it('in Chinese, per week', () => {
    expect(
      plain(
        describeGrantRequest({
          grant: { token, amount: '1000000', periodSeconds: 7 * 86_400 },
          site: 'shop.example',
          t: createTranslator('zh-CN'),
          locale: 'zh-CN',
        }),
      ),
    ).toBe('shop.example 可每周最多收取 1 USDC，无截止日期');
  });
});

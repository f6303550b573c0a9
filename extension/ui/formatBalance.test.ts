import { describe, expect, it } from 'vitest';
import { formatBalance } from './formatBalance.ts';

describe('formatBalance', () => {
  it('shows at most 6 decimals, rounded down, and keeps every digit in the exact form', () => {
    const balance = { symbol: 'ETH', decimals: 18, value: '10000123456789000000000' };
    expect(formatBalance(balance, 'en')).toEqual({
      short: '10,000.123456\u00a0ETH',
      exact: '10,000.123456789\u00a0ETH',
    });
  });

  it('shows a token with its own decimals and no trailing zeros', () => {
    expect(formatBalance({ symbol: 'USDC', decimals: 6, value: '2500000' }, 'zh-CN').short).toBe(
      '2.5\u00a0USDC',
    );
    expect(formatBalance({ symbol: 'DAI', decimals: 18, value: '0' }, 'en').short).toBe(
      '0\u00a0DAI',
    );
  });

  it('rounds a dust balance down to zero rather than up', () => {
    expect(formatBalance({ symbol: 'ETH', decimals: 18, value: '999' }, 'en').short).toBe(
      '0\u00a0ETH',
    );
  });
});

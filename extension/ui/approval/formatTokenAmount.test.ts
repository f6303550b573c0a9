import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { fixtureAddresses } from './approvalFixtures.ts';
import { formatNativeAmount } from './formatNativeAmount.ts';
import { formatTokenAmount } from './formatTokenAmount.ts';

const t = createTranslator('en');
const { usdc } = fixtureAddresses;

describe('formatTokenAmount', () => {
  it('shows every digit of a known token, never rounding what is spent', () => {
    const amount = { token: usdc, tokenSymbol: 'USDC', tokenDecimals: 6, amount: '1234567891' };
    expect(formatTokenAmount(amount, t, 'en')).toBe('1,234.567891\u00a0USDC');
  });

  it('falls back to base units when the decimals are unknown', () => {
    expect(formatTokenAmount({ token: usdc, tokenSymbol: 'USDC', amount: '25' }, t, 'en')).toBe(
      '25 base units of the token USDC',
    );
  });

  it('says UNLIMITED rather than a 78-digit number', () => {
    const amount = { token: usdc, amount: (2n ** 256n - 1n).toString(), isUnlimited: true };
    expect(formatTokenAmount(amount, t, 'en')).toBe('UNLIMITED 0x5FbD…0aa3');
  });
});

describe('formatNativeAmount', () => {
  it('rounds a maximum fee up, so it never looks smaller than it can be', () => {
    expect(formatNativeAmount({ wei: '121875000000001', symbol: 'ETH', locale: 'en' })).toBe(
      '0.000121875000000001\u00a0ETH',
    );
    expect(
      formatNativeAmount({
        wei: '121875000000001',
        symbol: 'ETH',
        locale: 'en',
        precision: 'upTo6',
      }),
    ).toBe('0.000122\u00a0ETH');
  });

  it('shows an unreadable amount as it came, in wei', () => {
    expect(formatNativeAmount({ wei: '0x10', symbol: 'ETH', locale: 'en' })).toBe('0x10 wei');
  });
});

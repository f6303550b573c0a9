import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { formatUnitAmount } from './formatUnitAmount.ts';

const t = createTranslator('en');
const euro = { kind: 'fiat', currency: 'EUR', decimals: 2 } as const;
const usdc = {
  kind: 'token',
  chainId: 1,
  asset: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  symbol: 'USDC',
  decimals: 6,
} as const;

describe('formatUnitAmount', () => {
  it('shows fiat in the wallet currency with its minor units, per locale', () => {
    expect(formatUnitAmount({ amount: '5000', unit: euro, locale: 'en', t })).toBe('€50.00');
    expect(formatUnitAmount({ amount: '123456', unit: euro, locale: 'zh-CN', t })).toBe(
      '€1,234.56',
    );
  });

  it('shows a known token exactly, with its symbol', () => {
    expect(formatUnitAmount({ amount: '12500001', unit: usdc, locale: 'en', t })).toBe(
      '12.500001\u00a0USDC',
    );
  });

  it('counts an unknown token in base units and names it by its address', () => {
    const unknown = {
      kind: 'token',
      chainId: 1,
      asset: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    } as const;
    expect(formatUnitAmount({ amount: '1000', unit: unknown, locale: 'en', t })).toBe(
      '1,000 base units of 0x5aAe…eAed',
    );
  });

  it('shows a garbled amount as it came rather than a wrong number', () => {
    expect(formatUnitAmount({ amount: '1e5', unit: euro, locale: 'en', t })).toBe(
      '1e5 base units of EUR',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { Asset } from './Asset.ts';
import { maxAmount } from './Asset.ts';
import { assertAmount } from './assertAmount.ts';
import { AmountOverflowError, InvalidAmountError } from './errors.ts';

const dai: Asset = { kind: 'crypto', symbol: 'DAI', decimals: 18 };

describe('assertAmount', () => {
  it.each([0n, 1n, maxAmount])('accepts %s', (value) => {
    expect(() => {
      assertAmount(value, dai);
    }).not.toThrow();
  });

  it.each([-1n, 1, 0, '1', null, undefined])('refuses %s as not a non-negative bigint', (value) => {
    expect(() => {
      assertAmount(value, dai);
    }).toThrow(InvalidAmountError);
  });

  it('refuses 2^256 as an overflow', () => {
    expect(() => {
      assertAmount(maxAmount + 1n, dai);
    }).toThrow(AmountOverflowError);
  });
});

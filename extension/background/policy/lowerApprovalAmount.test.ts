import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { describeTransaction } from '../decode/describeTransaction.ts';
import { InvalidApprovalChangeError } from './errors.ts';
import { lowerApprovalAmount } from './lowerApprovalAmount.ts';

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const approveMax: Hex =
  '0x095ea7b3000000000000000000000000000000000022d473030f116ddee9f6b43ac78ba3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff';

describe('lowerApprovalAmount', () => {
  it('caps an unlimited approve at the amount the user chose, spender unchanged', () => {
    const data = lowerApprovalAmount({
      transaction: { to: usdc, value: 0n, data: approveMax },
      amount: 50_000_000n,
    });
    expect(data).toBe(
      '0x095ea7b3000000000000000000000000000000000022d473030f116ddee9f6b43ac78ba30000000000000000000000000000000000000000000000000000000002faf080',
    );
    expect(
      describeTransaction({ transaction: { to: usdc, value: 0n, data }, knownTokens: [] }),
    ).toMatchObject({
      kind: 'erc20-approve',
      spender: permit2,
      amount: '50000000',
      isUnlimited: false,
    });
  });

  it('keeps a payment reference after the arguments', () => {
    const withReference = `${approveMax}cafe` as Hex;
    const data = lowerApprovalAmount({
      transaction: { to: usdc, value: 0n, data: withReference },
      amount: 1n,
    });
    expect(data.endsWith('0001cafe')).toBe(true);
  });

  it('refuses what is not an approval, and amounts that do not lower it', () => {
    const transfer: Hex =
      '0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c800000000000000000000000000000000000000000000000000000000017d7840';
    expect(() =>
      lowerApprovalAmount({ transaction: { to: usdc, value: 0n, data: transfer }, amount: 1n }),
    ).toThrow(InvalidApprovalChangeError);
    for (const amount of [0n, 2n ** 256n - 1n])
      expect(() =>
        lowerApprovalAmount({ transaction: { to: usdc, value: 0n, data: approveMax }, amount }),
      ).toThrow(InvalidApprovalChangeError);
  });
});

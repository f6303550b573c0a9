import { describe, expect, test } from 'vitest';
import type { CheckoutPaymentRecord } from './CheckoutPaymentRecord.ts';
import { summarizeSessionPayments } from './summarizeSessionPayments.ts';

const at = new Date('2026-01-31T12:00:00.000Z');

function payment(change: Partial<CheckoutPaymentRecord>): CheckoutPaymentRecord {
  return {
    id: 'py_1',
    sessionId: 'cs_1',
    quoteId: 'qt_usdc',
    chainId: 31337,
    asset: 'USDC',
    quoteAmount: 1_000n,
    txHash: `0x${'11'.repeat(32)}`,
    blockNumber: 5n,
    blockHash: `0x${'22'.repeat(32)}`,
    blockTime: at,
    from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    amount: 1_000n,
    status: 'confirmed',
    confirmations: 1,
    requiredConfirmations: 1,
    isLate: false,
    createdAt: at,
    updatedAt: at,
    ...change,
  };
}

describe('summarizeSessionPayments', () => {
  test('nothing confirmed: no amount paid, no outcome', () => {
    expect(
      summarizeSessionPayments({
        payments: [payment({ status: 'seen' }), payment({ status: 'dropped' })],
      }),
    ).toEqual({ amountPaid: null, outcome: undefined });
  });

  test.each<[bigint[], 'exact' | 'under' | 'over', string]>([
    [[1_000n], 'exact', '0'],
    [[400n], 'under', '600'],
    [[400n, 600n], 'exact', '0'],
    [[400n, 601n], 'over', '0'],
  ])('confirmed %o of 1000 → %s, %s remaining', (amounts, outcome, remaining) => {
    const summary = summarizeSessionPayments({
      payments: amounts.map((amount) => payment({ amount })),
    });
    expect(summary.outcome).toBe(outcome);
    expect(summary.amountPaid).toEqual({
      quote_id: 'qt_usdc',
      chain_id: 31337,
      asset: 'USDC',
      amount_quoted: '1000',
      amount_paid: amounts.reduce((sum, amount) => sum + amount, 0n).toString(),
      amount_remaining: remaining,
    });
  });

  test('seen and dropped payments do not count', () => {
    const summary = summarizeSessionPayments({
      payments: [
        payment({ amount: 400n }),
        payment({ amount: 600n, status: 'seen' }),
        payment({ amount: 600n, status: 'dropped' }),
      ],
    });
    expect(summary.outcome).toBe('under');
    expect(summary.amountPaid?.amount_paid).toBe('400');
  });

  test('money on another quote of the session is over, and amount_paid stays on the first', () => {
    const summary = summarizeSessionPayments({
      payments: [
        payment({ amount: 400n }),
        payment({ quoteId: 'qt_eth', asset: 'ETH', quoteAmount: 10n ** 16n, amount: 10n ** 16n }),
      ],
    });
    expect(summary.outcome).toBe('over');
    expect(summary.amountPaid).toMatchObject({ quote_id: 'qt_usdc', amount_paid: '400' });
  });
});

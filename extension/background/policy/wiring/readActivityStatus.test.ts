import { describe, expect, it } from 'vitest';
import type { Reservation } from '../Reservation.ts';
import type { ActivityRecord } from './openActivityLog.ts';
import { readActivityStatus } from './readActivityStatus.ts';

const hashA = `0x${'aa'.repeat(32)}` as const;
const hashB = `0x${'bb'.repeat(32)}` as const;
const record = {
  id: 'r',
  origin: 'https://shop.example',
  method: 'eth_sendTransaction',
  kind: 'transaction',
  chainId: 1,
  createdAt: 0,
  updatedAt: 0,
  decision: {
    action: 'auto',
    reasons: [],
    spends: [],
    currency: 'EUR',
    currencyDecimals: 2,
    preset: 'ask',
  },
  approval: 'auto',
  status: 'pending',
  transactionHashes: [hashA],
  reservationId: 'x',
} satisfies ActivityRecord;
const reservation = (changes: Partial<Reservation>): Reservation => ({
  id: 'x',
  origin: 'https://shop.example',
  chainId: 1,
  kind: 'transaction',
  status: 'reserved',
  spends: [],
  currency: 'EUR',
  reservedAt: 0,
  updatedAt: 0,
  transactions: [],
  sequence: 1,
  ...changes,
});

describe('readActivityStatus', () => {
  it('follows the ledger: pending, confirmed, replaced, reverted, dropped', () => {
    expect(readActivityStatus(record, reservation({}))).toBe('pending');
    expect(readActivityStatus(record, reservation({ status: 'settled', settledHash: hashA }))).toBe(
      'confirmed',
    );
    expect(readActivityStatus(record, reservation({ status: 'settled', settledHash: hashB }))).toBe(
      'replaced',
    );
    expect(
      readActivityStatus(record, reservation({ status: 'released', releaseReason: 'reverted' })),
    ).toBe('reverted');
    expect(
      readActivityStatus(record, reservation({ status: 'released', releaseReason: 'dropped' })),
    ).toBe('dropped');
  });

  it('keeps what the log knows better: a rejection, a signature', () => {
    expect(readActivityStatus({ ...record, status: 'rejected' }, reservation({}))).toBe('rejected');
    expect(
      readActivityStatus(
        { ...record, kind: 'signature', status: 'signed' },
        reservation({ status: 'settled' }),
      ),
    ).toBe('signed');
  });
});

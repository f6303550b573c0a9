import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  InvalidLedgerInputError,
  InvalidReservationStateError,
  ReservationNotFoundError,
  ReservationRefusedError,
} from './errors.ts';
import type { PolicyState } from './Policy.ts';
import type { PolicyRequest } from './PolicyRequest.ts';
import { createLedgerCore } from './createLedgerCore.ts';
import type { LedgerCore } from './createLedgerCore.ts';
import { createSitePolicy } from './createSitePolicy.ts';
import {
  eurc,
  eurcPayment,
  fiatLimit,
  merchant,
  policyWith,
  prices,
  request,
  sender,
  shopOrigin,
  start,
} from './fixtures/policyFixtures.ts';

const hash = (n: number): Hex => `0x${n.toString(16).padStart(64, '0')}`;
const site = createSitePolicy({ preset: 'trusted-shop', currency: 'EUR' });
/** Automatic up to 20.00 a payment and 50.00 a day; the daily cap blocks. */
const policy: PolicyState = policyWith({
  ...site,
  confirmNewRecipients: false,
  limits: [fiatLimit('transaction', 2_000n), fiatLimit('day', 5_000n, 'block')],
});
const siteScope = { kind: 'site', origin: shopOrigin } as const;

function reserve(
  ledger: LedgerCore,
  id: string,
  paid: PolicyRequest,
  approvedAction: 'auto' | 'confirm' | 'step-up' = 'auto',
  now = start,
) {
  return ledger.reserve({
    id,
    kind: 'transaction',
    policy,
    request: paid,
    prices: prices(now),
    approvedAction,
    now,
  });
}
const used = (ledger: LedgerCore): bigint => ledger.fiatSince(siteScope, start - 1, 'EUR').value;

describe('createLedgerCore', () => {
  it('reserves, then settles when mined: the spend counts throughout', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    const { reservation, changed } = reserve(ledger, 'a', eurcPayment(12));
    expect(reservation).toMatchObject({ status: 'reserved', reservedAt: start, sequence: 1 });
    expect(changed).toHaveLength(1);
    expect(used(ledger)).toBe(1200n);
    ledger.attachTransaction({
      reservationId: 'a',
      hash: hash(1),
      from: sender,
      nonce: 0,
      now: start,
    });
    const settled = ledger.settle({ hash: hash(1), now: start + 1 });
    expect(settled.reservation).toMatchObject({
      status: 'settled',
      settledHash: hash(1),
      sequence: 3,
    });
    expect(used(ledger)).toBe(1200n);
    expect(ledger.hasPaid(shopOrigin, 31337, merchant)).toBe(true);
  });

  it('refuses the payment that would pass a cap another reservation already holds', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    reserve(ledger, 'a', eurcPayment(20), 'auto');
    reserve(ledger, 'b', eurcPayment(20), 'auto');
    expect(() => reserve(ledger, 'c', eurcPayment(15), 'step-up')).toThrow(ReservationRefusedError);
    expect(ledger.get('c')).toBeUndefined();
    expect(used(ledger)).toBe(4000n);
  });

  it('refuses when the request now needs more than the user gave', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    try {
      reserve(ledger, 'a', eurcPayment(25), 'auto');
      expect.unreachable('reserved');
    } catch (error) {
      expect(error).toBeInstanceOf(ReservationRefusedError);
      expect((error as ReservationRefusedError).action).toBe('confirm');
    }
    expect(reserve(ledger, 'a', eurcPayment(25), 'confirm').reservation?.status).toBe('reserved');
  });

  it('frees the cap when signing is rejected, the broadcast fails or the transaction reverts', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    reserve(ledger, 'rejected', eurcPayment(10));
    ledger.release({ reservationId: 'rejected', reason: 'rejected', now: start });
    reserve(ledger, 'refused', eurcPayment(10));
    ledger.attachTransaction({
      reservationId: 'refused',
      hash: hash(1),
      from: sender,
      nonce: 0,
      now: start,
    });
    ledger.releaseTransaction({ hash: hash(1), reason: 'broadcast-failed', now: start });
    reserve(ledger, 'reverted', eurcPayment(10));
    ledger.attachTransaction({
      reservationId: 'reverted',
      hash: hash(2),
      from: sender,
      nonce: 0,
      now: start,
    });
    ledger.releaseTransaction({ hash: hash(2), reason: 'reverted', now: start });
    expect(used(ledger)).toBe(0n);
    expect(ledger.get('reverted')).toMatchObject({ status: 'released', releaseReason: 'reverted' });
    expect(ledger.hasPaid(shopOrigin, 31337, merchant)).toBe(false);
  });

  it('counts a sped-up transaction once, and settles it by either hash', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    reserve(ledger, 'a', eurcPayment(15));
    ledger.attachTransaction({
      reservationId: 'a',
      hash: hash(1),
      from: sender,
      nonce: 4,
      now: start,
    });
    ledger.attachTransaction({
      reservationId: 'a',
      hash: hash(2),
      from: sender,
      nonce: 4,
      now: start,
    });
    expect(used(ledger)).toBe(1500n);
    expect(ledger.settle({ hash: hash(2), now: start }).reservation.settledHash).toBe(hash(2));
    expect(() => ledger.settle({ hash: hash(1), now: start })).toThrow(
      InvalidReservationStateError,
    );
  });

  it('merges a replacement with the same nonce into one entry counted at the most of each', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    reserve(ledger, 'original', eurcPayment(15));
    ledger.attachTransaction({
      reservationId: 'original',
      hash: hash(1),
      from: sender,
      nonce: 7,
      now: start,
    });
    reserve(ledger, 'replacement', eurcPayment(18), 'auto');
    const { reservation, changed } = ledger.attachTransaction({
      reservationId: 'replacement',
      hash: hash(2),
      from: sender,
      nonce: 7,
      now: start,
    });
    expect(reservation.id).toBe('original');
    expect(changed.map((record) => [record.id, record.status])).toEqual([
      ['original', 'reserved'],
      ['replacement', 'released'],
    ]);
    expect(ledger.get('replacement')).toMatchObject({
      releaseReason: 'replaced',
      mergedInto: 'original',
    });
    expect(used(ledger)).toBe(1800n);
    ledger.settle({ hash: hash(1), now: start });
    expect(used(ledger)).toBe(1500n);
  });

  it('keeps counting a payment while any of its transactions may still be mined', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    reserve(ledger, 'a', eurcPayment(15));
    ledger.attachTransaction({
      reservationId: 'a',
      hash: hash(1),
      from: sender,
      nonce: 1,
      now: start,
    });
    ledger.attachTransaction({
      reservationId: 'a',
      hash: hash(2),
      from: sender,
      nonce: 1,
      now: start,
    });
    ledger.releaseTransaction({ hash: hash(1), reason: 'dropped', now: start });
    expect(ledger.get('a')?.status).toBe('reserved');
    expect(used(ledger)).toBe(1500n);
    ledger.releaseTransaction({ hash: hash(2), reason: 'dropped', now: start });
    expect(ledger.get('a')).toMatchObject({ status: 'released', releaseReason: 'dropped' });
  });

  it('settles a transaction thought lost when it is mined after all', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    reserve(ledger, 'a', eurcPayment(15));
    ledger.attachTransaction({
      reservationId: 'a',
      hash: hash(1),
      from: sender,
      nonce: 1,
      now: start,
    });
    ledger.releaseTransaction({ hash: hash(1), reason: 'dropped', now: start });
    expect(used(ledger)).toBe(0n);
    ledger.settle({ hash: hash(1), now: start });
    expect(used(ledger)).toBe(1500n);
  });

  it('settles a signature by reservation id, and repeated calls change nothing', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    ledger.reserve({
      id: 's',
      kind: 'signature',
      policy,
      request: request([
        {
          kind: 'permit',
          chainId: 31337,
          asset: eurc,
          amount: 5_000_000n,
          recipient: merchant,
          isUnlimited: false,
        },
      ]),
      prices: prices(start),
      approvedAction: 'confirm',
      now: start,
    });
    expect(ledger.settle({ reservationId: 's', now: start }).changed).toHaveLength(1);
    expect(ledger.settle({ reservationId: 's', now: start }).changed).toHaveLength(0);
    expect(() => ledger.release({ reservationId: 's', reason: 'rejected', now: start })).toThrow(
      InvalidReservationStateError,
    );
  });

  it('reserves nothing for a request that spends nothing', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    const result = reserve(ledger, 'a', request([]), 'confirm');
    expect(result.reservation).toBeUndefined();
    expect(ledger.sequence).toBe(0);
  });

  it('refuses malformed or out-of-order calls with specific errors', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    reserve(ledger, 'a', eurcPayment(1));
    expect(() => reserve(ledger, 'a', eurcPayment(1))).toThrow(InvalidLedgerInputError);
    expect(() =>
      ledger.attachTransaction({
        reservationId: 'a',
        hash: '0x12',
        from: sender,
        nonce: 0,
        now: start,
      }),
    ).toThrow(InvalidLedgerInputError);
    expect(() => ledger.settle({ hash: hash(9), now: start })).toThrow(ReservationNotFoundError);
    ledger.attachTransaction({
      reservationId: 'a',
      hash: hash(1),
      from: sender,
      nonce: 0,
      now: start,
    });
    expect(() =>
      ledger.attachTransaction({
        reservationId: 'a',
        hash: hash(2),
        from: sender,
        nonce: 1,
        now: start,
      }),
    ).toThrow(InvalidLedgerInputError);
    expect(() => ledger.release({ reservationId: 'a', reason: 'rejected', now: start })).toThrow(
      InvalidReservationStateError,
    );
  });

  it('rebuilds the same state from its records (a restart)', () => {
    const ledger = createLedgerCore({ currency: 'EUR' });
    reserve(ledger, 'a', eurcPayment(12));
    ledger.attachTransaction({
      reservationId: 'a',
      hash: hash(1),
      from: sender,
      nonce: 0,
      now: start,
    });
    reserve(ledger, 'b', eurcPayment(8));
    ledger.settle({ hash: hash(1), now: start });
    const restarted = createLedgerCore({ currency: 'EUR' });
    restarted.load([...ledger.reservations()].reverse());
    expect(restarted.sequence).toBe(ledger.sequence);
    expect(used(restarted)).toBe(2000n);
    expect(restarted.findByTransaction(hash(1))?.id).toBe('a');
    expect(restarted.hasPaid(shopOrigin, 31337, merchant)).toBe(true);
    expect(() => reserve(restarted, 'c', eurcPayment(15))).not.toThrow();
    expect(() => reserve(restarted, 'd', eurcPayment(16), 'step-up')).toThrow(
      ReservationRefusedError,
    );
  });
});

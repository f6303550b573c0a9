import 'fake-indexeddb/auto';
import type { Hex } from 'viem';
import { afterEach, describe, expect, it } from 'vitest';
import { ReservationRefusedError } from './errors.ts';
import type { PolicyState } from './Policy.ts';
import { createSitePolicy } from './createSitePolicy.ts';
import {
  eurcPayment,
  fiatLimit,
  otherOrigin,
  policyWith,
  prices,
  sender,
  shopOrigin,
  start,
} from './fixtures/policyFixtures.ts';
import { openPolicyLedger } from './openPolicyLedger.ts';
import type { PolicyLedger } from './openPolicyLedger.ts';

const hash = (n: number): Hex => `0x${n.toString(16).padStart(64, '0')}`;
/** Automatic up to 20.00 a payment; 50.00 a day across all sites, hard. */
const policy: PolicyState = policyWith(
  {
    ...createSitePolicy({ preset: 'trusted-shop', currency: 'EUR' }),
    confirmNewRecipients: false,
    limits: [fiatLimit('transaction', 2_000n)],
  },
  {
    walletLimits: [fiatLimit('day', 5_000n, 'block')],
    sites: new Map([
      [
        shopOrigin,
        {
          ...createSitePolicy({ preset: 'trusted-shop', currency: 'EUR' }),
          confirmNewRecipients: false,
        },
      ],
      [
        otherOrigin,
        {
          ...createSitePolicy({ preset: 'trusted-shop', currency: 'EUR' }),
          confirmNewRecipients: false,
        },
      ],
    ]),
  },
);

let clock = start;
let databaseCount = 0;
const opened: PolicyLedger[] = [];
async function open(name: string): Promise<PolicyLedger> {
  const ledger = await openPolicyLedger({ name, currency: 'EUR', now: () => new Date(clock) });
  opened.push(ledger);
  return ledger;
}
const freshName = (): string => `ledger-test-${++databaseCount}`;
const walletUsed = (ledger: PolicyLedger): bigint =>
  ledger.view.fiatSince({ kind: 'wallet' }, clock - 86_400_000, 'EUR').value;

afterEach(() => {
  for (const ledger of opened.splice(0)) ledger.close();
  clock = start;
});

describe('openPolicyLedger', () => {
  it('keeps reservations across a restart, still counted against the caps', async () => {
    const name = freshName();
    const before = await open(name);
    const { reservation } = await before.reserve({
      kind: 'transaction',
      policy,
      request: eurcPayment(20),
      prices: prices(clock),
      approvedAction: 'auto',
    });
    if (reservation === undefined) throw new Error('nothing reserved');
    before.close();

    const after = await open(name);
    expect(after.pending().map((entry) => entry.id)).toEqual([reservation.id]);
    expect(walletUsed(after)).toBe(2000n);
    await after.reserve({
      kind: 'transaction',
      policy,
      request: eurcPayment(20),
      prices: prices(clock),
      approvedAction: 'auto',
    });
    await expect(
      after.reserve({
        kind: 'transaction',
        policy,
        request: eurcPayment(11),
        prices: prices(clock),
        approvedAction: 'step-up',
      }),
    ).rejects.toBeInstanceOf(ReservationRefusedError);
  });

  it('lets only as many concurrent requests through as the cap holds, from many tabs', async () => {
    const ledger = await open(freshName());
    const attempts = Array.from({ length: 8 }, (_, index) =>
      ledger.reserve({
        kind: 'transaction',
        policy,
        request: eurcPayment(15, index % 2 === 0 ? shopOrigin : otherOrigin),
        prices: prices(clock),
        approvedAction: 'auto',
      }),
    );
    const outcomes = await Promise.allSettled(attempts);
    const passed = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(passed).toHaveLength(3);
    expect(
      outcomes.every(
        (outcome) =>
          outcome.status === 'fulfilled' || outcome.reason instanceof ReservationRefusedError,
      ),
    ).toBe(true);
    expect(walletUsed(ledger)).toBe(4500n);
  });

  it('writes concurrent changes that share one transaction, each on disk when it resolves', async () => {
    const name = freshName();
    const ledger = await open(name);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        ledger.reserve({
          kind: 'transaction',
          policy,
          request: eurcPayment(10),
          prices: prices(clock),
          approvedAction: 'auto',
        }),
      ),
    );
    const reserved = results.flatMap((result) =>
      result.status === 'fulfilled' && result.value.reservation !== undefined
        ? [result.value.reservation]
        : [],
    );
    expect(reserved).toHaveLength(5);
    // Attach and release in one burst: each applies to the ledger as the one before left it.
    await Promise.all([
      ...reserved.slice(0, 3).map((reservation, index) =>
        ledger.attachTransaction({
          reservationId: reservation.id,
          hash: hash(index + 1),
          from: sender,
          nonce: index,
        }),
      ),
      ledger.release({ reservationId: reserved[4]?.id ?? '', reason: 'rejected' }),
      expect(
        ledger.release({ reservationId: 'no such reservation', reason: 'rejected' }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/^policy\//) as unknown }),
    ]);
    const reopened = await open(name);
    expect(walletUsed(reopened)).toBe(4000n);
    expect(reopened.pending().filter((entry) => entry.transactions.length > 0)).toHaveLength(3);
  });

  it('serialises two contexts (worker and a page) writing the same ledger', async () => {
    const name = freshName();
    const worker = await open(name);
    const page = await open(name);
    const outcomes = await Promise.allSettled(
      [worker, page, worker, page].map((ledger) =>
        ledger.reserve({
          kind: 'transaction',
          policy,
          request: eurcPayment(20),
          prices: prices(clock),
          approvedAction: 'auto',
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2);
    expect(walletUsed(worker)).toBe(4000n);
    // The page learns of the worker's reservations at its next write.
    await expect(
      page.reserve({
        kind: 'transaction',
        policy,
        request: eurcPayment(11),
        prices: prices(clock),
        approvedAction: 'step-up',
      }),
    ).rejects.toBeInstanceOf(ReservationRefusedError);
    expect(walletUsed(page)).toBe(4000n);
  });

  it('persists attach, settle and release, and finds them after a restart', async () => {
    const name = freshName();
    const ledger = await open(name);
    const first = await ledger.reserve({
      kind: 'transaction',
      policy,
      request: eurcPayment(10),
      prices: prices(clock),
      approvedAction: 'auto',
    });
    const second = await ledger.reserve({
      kind: 'transaction',
      policy,
      request: eurcPayment(5),
      prices: prices(clock),
      approvedAction: 'auto',
    });
    if (first.reservation === undefined || second.reservation === undefined)
      throw new Error('nothing reserved');
    await ledger.attachTransaction({
      reservationId: first.reservation.id,
      hash: hash(1),
      from: sender,
      nonce: 0,
    });
    await ledger.settle({ hash: hash(1) });
    await ledger.release({ reservationId: second.reservation.id, reason: 'rejected' });
    ledger.close();

    const restarted = await open(name);
    expect(restarted.list().map((entry) => [entry.id, entry.status])).toEqual(
      expect.arrayContaining([
        [first.reservation.id, 'settled'],
        [second.reservation.id, 'released'],
      ]),
    );
    expect(walletUsed(restarted)).toBe(1000n);
    expect(restarted.pending()).toEqual([]);
  });

  it('releases, after a restart, what was reserved but never sent', async () => {
    const name = freshName();
    const ledger = await open(name);
    const unsent = await ledger.reserve({
      kind: 'transaction',
      policy,
      request: eurcPayment(10),
      prices: prices(clock),
      approvedAction: 'auto',
    });
    const sent = await ledger.reserve({
      kind: 'transaction',
      policy,
      request: eurcPayment(10),
      prices: prices(clock),
      approvedAction: 'auto',
    });
    if (sent.reservation === undefined) throw new Error('nothing reserved');
    await ledger.attachTransaction({
      reservationId: sent.reservation.id,
      hash: hash(2),
      from: sender,
      nonce: 3,
    });
    ledger.close();

    clock += 10 * 60_000;
    const restarted = await open(name);
    const released = await restarted.releaseAbandoned({ olderThanMilliseconds: 5 * 60_000 });
    expect(released.map((entry) => entry.id)).toEqual([unsent.reservation?.id]);
    expect(restarted.pending().map((entry) => entry.id)).toEqual([sent.reservation.id]);
  });

  it('decides against what is on disk, at the injected time', async () => {
    const ledger = await open(freshName());
    await ledger.reserve({
      kind: 'transaction',
      policy,
      request: eurcPayment(20),
      prices: prices(clock),
      approvedAction: 'auto',
    });
    expect(ledger.decide({ policy, request: eurcPayment(20), prices: prices(clock) }).action).toBe(
      'auto',
    );
    expect(
      ledger.decide({ policy, request: eurcPayment(20.01), prices: prices(clock) }).action,
    ).toBe('confirm');
  });
});

/**
 * The ledger on (fake) IndexedDB under random sequences of concurrent requests from several
 * contexts, transactions, failures, restarts and clock moves: no cap is ever exceeded, on disk or
 * in any context's memory, and every request has exactly one outcome, kept on disk.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { ReservationRefusedError } from './errors.ts';
import { limitWindowMilliseconds } from './Policy.ts';
import type { PolicyState } from './Policy.ts';
import type { Reservation } from './Reservation.ts';
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

const automatic = {
  ...createSitePolicy({ preset: 'trusted-shop', currency: 'EUR' }),
  confirmNewRecipients: false,
  limits: [fiatLimit('transaction', 3_000n, 'block'), fiatLimit('hour', 4_000n, 'block')],
};
const policy: PolicyState = policyWith(automatic, {
  walletLimits: [fiatLimit('day', 6_000n, 'block')],
  sites: new Map([
    [shopOrigin, automatic],
    [otherOrigin, automatic],
  ]),
});
const hardLimits = [
  ...policy.walletLimits.map((limit) => ({ limit, origin: undefined })),
  ...automatic.limits.flatMap((limit) => [
    { limit, origin: shopOrigin },
    { limit, origin: otherOrigin },
  ]),
];

type Step =
  | { type: 'requests'; payments: { context: number; isOther: boolean; cents: number }[] }
  | { type: 'send'; pick: number; outcome: 'mined' | 'broadcast-failed' | 'reverted' | 'pending' }
  | { type: 'restart' }
  | { type: 'clock'; milliseconds: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('requests' as const),
      payments: fc.array(
        fc.record({
          context: fc.nat(1),
          isOther: fc.boolean(),
          cents: fc.integer({ min: 1, max: 3_500 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('send' as const),
      pick: fc.nat(),
      outcome: fc.constantFrom(
        'mined' as const,
        'broadcast-failed' as const,
        'reverted' as const,
        'pending' as const,
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'restart' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('clock' as const),
      milliseconds: fc.integer({ min: -3_600_000, max: 6 * 3_600_000 }),
    }),
  },
);

const fiatOf = (entry: Reservation): bigint =>
  entry.spends.reduce((total, item) => total + (item.fiatValue ?? 0n), 0n);

function checkCaps(entries: readonly Reservation[]): void {
  const counted = entries.filter((entry) => entry.status !== 'released');
  for (const { limit, origin } of hardLimits) {
    const scoped = counted.filter((entry) => origin === undefined || entry.origin === origin);
    if (limit.window === 'transaction') {
      for (const entry of scoped) expect(fiatOf(entry)).toBeLessThanOrEqual(limit.amount);
      continue;
    }
    const length = limitWindowMilliseconds[limit.window];
    for (const anchor of scoped) {
      const total = scoped
        .filter(
          (entry) =>
            entry.reservedAt >= anchor.reservedAt && entry.reservedAt <= anchor.reservedAt + length,
        )
        .reduce((sum, entry) => sum + fiatOf(entry), 0n);
      expect(total).toBeLessThanOrEqual(limit.amount);
    }
  }
}

let databaseCount = 0;

describe('openPolicyLedger under random concurrent sequences', () => {
  it('never exceeds a cap, on disk or in any context, across restarts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const name = `ledger-property-${++databaseCount}`;
        let clock = start;
        const open = () => openPolicyLedger({ name, currency: 'EUR', now: () => new Date(clock) });
        let contexts: [PolicyLedger, PolicyLedger] = [await open(), await open()];
        let requests = 0;
        let refused = 0;
        const reserved = new Set<string>();
        let nonce = 0;
        try {
          for (const current of steps) {
            if (current.type === 'requests') {
              const outcomes = await Promise.allSettled(
                current.payments.map(({ context, isOther, cents }) =>
                  contexts[context === 0 ? 0 : 1].reserve({
                    kind: 'transaction',
                    policy,
                    request: eurcPayment(cents / 100, isOther ? otherOrigin : shopOrigin),
                    prices: prices(clock),
                    approvedAction: 'auto',
                  }),
                ),
              );
              for (const outcome of outcomes) {
                requests += 1;
                if (outcome.status === 'rejected') {
                  expect(outcome.reason).toBeInstanceOf(ReservationRefusedError);
                  refused += 1;
                } else if (outcome.value.reservation !== undefined) {
                  reserved.add(outcome.value.reservation.id);
                }
              }
            } else if (current.type === 'send') {
              const ledger = contexts[current.pick % 2 === 0 ? 0 : 1];
              await ledger.reload();
              const unsent = ledger.pending().filter((entry) => entry.transactions.length === 0);
              const target = unsent[current.pick % Math.max(1, unsent.length)];
              if (target !== undefined) {
                nonce += 1;
                const hash: Hex = `0x${nonce.toString(16).padStart(64, '0')}`;
                await ledger.attachTransaction({
                  reservationId: target.id,
                  hash,
                  from: sender,
                  nonce,
                });
                if (current.outcome === 'mined') await ledger.settle({ hash });
                else if (current.outcome !== 'pending')
                  await ledger.releaseTransaction({ hash, reason: current.outcome });
              }
            } else if (current.type === 'restart') {
              for (const context of contexts) context.close();
              contexts = [await open(), await open()];
            } else {
              clock += current.milliseconds;
            }
            // The caps hold on disk, and in what each context holds for its next decision.
            const fresh = await open();
            const onDisk = fresh.list({ limit: Number.POSITIVE_INFINITY });
            fresh.close();
            checkCaps(onDisk);
            for (const context of contexts)
              checkCaps(context.list({ limit: Number.POSITIVE_INFINITY }));
            expect(refused + reserved.size).toBe(requests);
            for (const id of reserved) expect(onDisk.some((entry) => entry.id === id)).toBe(true);
          }
        } finally {
          for (const context of contexts) context.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reservation } from './Reservation.ts';
import { createSpendingIndex } from './createSpendingIndex.ts';
import { chainId, eurc, merchant, start } from './fixtures/policyFixtures.ts';
import { toAssetKey } from './toAssetKey.ts';

const hour = 3_600_000;
const eurcKey = toAssetKey({ chainId, asset: eurc });
const nativeKey = toAssetKey({ chainId, asset: 'native' });

function entry(
  id: string,
  origin: string,
  reservedAt: number,
  amount: bigint,
  fiatValue: bigint | undefined,
  asset: 'native' | typeof eurc = eurc,
  grantId?: string,
): Reservation {
  return {
    id,
    origin,
    chainId,
    kind: 'transaction',
    status: 'reserved',
    spends: [
      {
        kind: 'transfer',
        chainId,
        asset,
        amount,
        recipient: merchant,
        isUnlimited: false,
        ...(fiatValue === undefined ? {} : { fiatValue }),
      },
    ],
    currency: 'EUR',
    ...(grantId === undefined ? {} : { grantId }),
    reservedAt,
    updatedAt: reservedAt,
    transactions: [],
    sequence: 1,
  };
}

describe('createSpendingIndex', () => {
  it('sums from any instant: part of an hour, the rest of the day, whole days, the future', () => {
    const index = createSpendingIndex('EUR');
    index.add(entry('a', 'https://a.example', start + 10 * 60_000, 1n, 100n));
    index.add(entry('b', 'https://a.example', start + 50 * 60_000, 2n, 200n));
    index.add(entry('c', 'https://b.example', start + 5 * hour, 4n, 400n));
    index.add(entry('d', 'https://a.example', start + 40 * hour, 8n, 800n));
    const wallet = { kind: 'wallet' } as const;
    const siteA = { kind: 'site', origin: 'https://a.example' } as const;
    expect(index.fiatSince(wallet, start).value).toBe(1500n);
    expect(index.fiatSince(wallet, start + 30 * 60_000).value).toBe(1400n);
    expect(index.fiatSince(wallet, start + 50 * 60_000).value).toBe(1400n);
    expect(index.fiatSince(wallet, start + 50 * 60_000 + 1).value).toBe(1200n);
    expect(index.fiatSince(siteA, start + 1).value).toBe(1100n);
    expect(index.amountSince(siteA, start - 100 * hour, eurcKey)).toBe(11n);
    expect(index.amountSince(siteA, start - 100 * hour, nativeKey)).toBe(0n);
    index.remove(entry('b', 'https://a.example', start + 50 * 60_000, 2n, 200n));
    expect(index.fiatSince(siteA, start).value).toBe(900n);
  });

  it('keeps spends without a price (or in another currency) apart, by asset', () => {
    const index = createSpendingIndex('EUR');
    index.add(entry('a', 'https://a.example', start, 5n, undefined));
    index.add({ ...entry('b', 'https://a.example', start, 7n, 300n, 'native'), currency: 'USD' });
    index.add(entry('c', 'https://a.example', start, 1n, 100n));
    expect(index.fiatSince({ kind: 'wallet' }, start)).toEqual({
      value: 100n,
      unpriced: new Map([
        [eurcKey, 5n],
        [nativeKey, 7n],
      ]),
    });
  });

  it('sums a grant’s payments from a time on', () => {
    const index = createSpendingIndex('EUR');
    index.add(entry('a', 'https://a.example', start, 5n, 5n, eurc, 'g'));
    index.add(entry('b', 'https://a.example', start + hour, 7n, 7n, eurc, 'g'));
    index.add(entry('c', 'https://a.example', start + hour, 9n, 9n));
    expect(index.grantUsedSince('g', start + 1)).toBe(7n);
    index.remove(entry('b', 'https://a.example', start + hour, 7n, 7n, eurc, 'g'));
    expect(index.grantUsedSince('g', start - 1)).toBe(5n);
  });

  it('agrees with a brute-force sum after random additions and removals over 40 days', () => {
    const operation = fc.record({
      origin: fc.constantFrom('https://a.example', 'https://b.example'),
      offset: fc.integer({ min: -40 * 24 * hour, max: 40 * 24 * hour }),
      amount: fc.bigInt({ min: 1n, max: 10n ** 9n }),
      isPriced: fc.boolean(),
      isNative: fc.boolean(),
      removes: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 120 }),
        fc.array(fc.integer({ min: -45 * 24 * hour, max: 45 * 24 * hour }), {
          minLength: 1,
          maxLength: 20,
        }),
        (operations, probes) => {
          const index = createSpendingIndex('EUR');
          const held: Reservation[] = [];
          operations.forEach((step, position) => {
            const added = entry(
              `e${position}`,
              step.origin,
              start + step.offset,
              step.amount,
              step.isPriced ? step.amount * 3n : undefined,
              step.isNative ? 'native' : eurc,
            );
            index.add(added);
            held.push(added);
            if (step.removes && held.length > 1) {
              const [removed] = held.splice(position % held.length, 1);
              if (removed !== undefined) index.remove(removed);
            }
          });
          for (const probe of probes) {
            const since = start + probe;
            const after = held.filter((item) => item.reservedAt >= since);
            const priced = after
              .flatMap((item) => item.spends)
              .filter((item) => item.fiatValue !== undefined);
            expect(index.fiatSince({ kind: 'wallet' }, since).value).toBe(
              priced.reduce((total, item) => total + (item.fiatValue ?? 0n), 0n),
            );
            const siteB = after.filter((item) => item.origin === 'https://b.example');
            expect(
              index.amountSince({ kind: 'site', origin: 'https://b.example' }, since, eurcKey),
            ).toBe(
              siteB
                .flatMap((item) => item.spends)
                .filter((item) => item.asset === eurc)
                .reduce((total, item) => total + item.amount, 0n),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { chainId, eurc, merchant, sender, start, usdc } from './fixtures/policyFixtures.ts';
import type { Reservation, ReservationTransaction, ReservedSpend } from './Reservation.ts';
import { toAssetKey } from './toAssetKey.ts';
import { toCountedSpends } from './toCountedSpends.ts';

const hour = 3_600_000;
const eurcKey = toAssetKey({ chainId, asset: eurc });
const usdcKey = toAssetKey({ chainId, asset: usdc });

function paid(asset: typeof eurc, amount: bigint, fiatValue?: bigint): ReservedSpend {
  return {
    kind: 'transfer',
    chainId,
    asset,
    amount,
    recipient: merchant,
    isUnlimited: false,
    ...(fiatValue === undefined ? {} : { fiatValue }),
  };
}

function transaction(
  nonceHash: number,
  spends: readonly ReservedSpend[],
  extra: Partial<ReservationTransaction> = {},
): ReservationTransaction {
  const hash: Hex = `0x${nonceHash.toString(16).padStart(64, '0')}`;
  return { hash, from: sender, nonce: 7, spends, ...extra };
}

function entry(overrides: Partial<Reservation>): Reservation {
  return {
    id: 'r1',
    origin: 'https://shop.example',
    chainId,
    kind: 'transaction',
    status: 'reserved',
    spends: [paid(eurc, 600n, 600n)],
    currency: 'EUR',
    reservedAt: start,
    updatedAt: start,
    transactions: [],
    sequence: 1,
    ...overrides,
  };
}

describe('toCountedSpends', () => {
  it('counts a payment without a replacement at the time it was reserved', () => {
    expect(toCountedSpends(entry({}))).toEqual([
      { time: start, assetKey: eurcKey, amount: 600n, fiatValue: 600n },
    ]);
  });

  it('counts a later, smaller replacement at its own time and the difference at the first', () => {
    const first = transaction(1, [paid(eurc, 600n, 600n)]);
    const replacement = transaction(2, [paid(eurc, 250n, 250n)], { reservedAt: start + hour });
    expect(toCountedSpends(entry({ transactions: [first, replacement] }))).toEqual([
      { time: start + hour, assetKey: eurcKey, amount: 250n, fiatValue: 250n },
      { time: start, assetKey: eurcKey, amount: 350n, fiatValue: 350n },
    ]);
  });

  it('adds nothing at the first time when the later replacement spends more', () => {
    const first = transaction(1, [paid(eurc, 100n, 100n)]);
    const replacement = transaction(2, [paid(eurc, 900n, 900n)], { reservedAt: start + hour });
    expect(toCountedSpends(entry({ transactions: [first, replacement] }))).toEqual([
      { time: start + hour, assetKey: eurcKey, amount: 900n, fiatValue: 900n },
    ]);
  });

  it('keeps each asset apart and an asset unpriced when any candidate is', () => {
    const first = transaction(1, [paid(usdc, 500n)]);
    const replacement = transaction(2, [paid(eurc, 300n, 300n), paid(usdc, 200n, 180n)], {
      reservedAt: start + hour,
    });
    expect(toCountedSpends(entry({ transactions: [first, replacement] }))).toEqual([
      { time: start + hour, assetKey: eurcKey, amount: 300n, fiatValue: 300n },
      { time: start + hour, assetKey: usdcKey, amount: 200n, fiatValue: undefined },
      { time: start, assetKey: usdcKey, amount: 300n, fiatValue: undefined },
    ]);
  });

  it('leaves out a dropped candidate, and counts a mined replacement at its own time', () => {
    const first = transaction(1, [paid(eurc, 600n, 600n)], { isDropped: true });
    const replacement = transaction(2, [paid(eurc, 250n, 250n)], { reservedAt: start + hour });
    expect(toCountedSpends(entry({ transactions: [first, replacement] }))).toEqual([
      { time: start + hour, assetKey: eurcKey, amount: 250n, fiatValue: 250n },
    ]);
    const settled = entry({
      status: 'settled',
      spends: replacement.spends,
      settledHash: replacement.hash,
      transactions: [{ ...first, isDropped: false }, replacement],
    });
    expect(toCountedSpends(settled)).toEqual([
      { time: start + hour, assetKey: eurcKey, amount: 250n, fiatValue: 250n },
    ]);
  });
});

/**
 * Property tests of decide and the ledger together: random sequences of requests, approvals,
 * broadcasts, speed-ups, replacements, settlements, failures, reverts, restarts, price changes
 * and clock moves (both ways). After every step: no window of any hard cap holds more than the
 * cap; with only automatic approvals, no window of any cap at all; every grant period stays within
 * its grant; the index agrees with a brute-force sum; and every request had exactly one outcome.
 */
import fc from 'fast-check';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { parseRate } from '../../../shared/money/parseRate.ts';
import {
  InvalidLedgerInputError,
  InvalidReservationStateError,
  ReservationRefusedError,
} from './errors.ts';
import { limitWindowMilliseconds } from './Policy.ts';
import type { Grant, Limit, PolicyState, SitePolicy } from './Policy.ts';
import type { PriceQuote, PriceSnapshot } from './PriceSnapshot.ts';
import type { Reservation, ReservationTransaction, ReservedSpend } from './Reservation.ts';
import { createLedgerCore } from './createLedgerCore.ts';
import type { LedgerCore } from './createLedgerCore.ts';
import { createDefaultPolicy } from './createDefaultPolicy.ts';
import { createSitePolicy } from './createSitePolicy.ts';
import {
  chainId,
  eurc,
  fiatLimit,
  merchant,
  request,
  sender,
  spend,
  start,
  usdc,
} from './fixtures/policyFixtures.ts';
import { toAssetKey } from './toAssetKey.ts';

const origins = ['https://a.example', 'https://b.example', 'https://c.example'] as const;
const assets = [eurc, usdc, 'native'] as const;
/** Base units per generated unit: 0.01 EURC / USDC, 0.00001 ETH (about 0.03 €). */
const unitSize = [10_000n, 10_000n, 10_000_000_000_000n] as const;
/** Market rates in EUR, by position in `assets`. */
const rates = [
  ['0.995', '1', '1.005'],
  ['0.9', '0.92', '0.95'],
  ['2500', '3000', '3500'],
] as const;

const eurcWeekly: Limit = {
  window: 'week',
  unit: { kind: 'token', chainId, asset: eurc, symbol: 'EURC', decimals: 6 },
  amount: 60_000_000n,
  whenExceeded: 'block',
};
const hourlyGrant: Grant = {
  id: 'grant-c',
  chainId,
  asset: eurc,
  recipient: merchant,
  amount: 5_000_000n,
  periodSeconds: 3_600,
  startTime: start / 1000 - 86_400,
  source: 'site-request',
  createdAt: start / 1000 - 86_400,
};
const auto: SitePolicy = {
  ...createSitePolicy({ preset: 'trusted-shop', currency: 'EUR' }),
  preset: 'custom',
  confirmNewRecipients: false,
  limits: [],
};
const policy: PolicyState = {
  ...createDefaultPolicy({ currency: 'EUR' }),
  maxAutoNetworkFee: undefined,
  walletLimits: [
    fiatLimit('day', 8_000n, 'block'),
    fiatLimit('week', 20_000n, 'block'),
    fiatLimit('30-days', 30_000n),
  ],
  sites: new Map([
    [
      origins[0],
      {
        ...auto,
        limits: [
          fiatLimit('transaction', 2_000n, 'block'),
          fiatLimit('hour', 1_500n),
          fiatLimit('day', 5_000n, 'block'),
        ],
      },
    ],
    [origins[1], { ...auto, limits: [eurcWeekly, fiatLimit('transaction', 1_000n)] }],
    [origins[2], { ...auto, grants: [hourlyGrant] }],
  ]),
};

type Approval = 'auto' | 'confirm' | 'step-up';
type Operation =
  | {
      type: 'reserve';
      site: number;
      asset: number;
      units: number;
      approved: Approval;
      isSignature: boolean;
    }
  | { type: 'attach'; pick: number }
  | { type: 'speed-up'; pick: number }
  | { type: 'replace'; pick: number; asset: number; units: number; approved: Approval }
  | { type: 'settle'; pick: number }
  | { type: 'settle-signature'; pick: number }
  | { type: 'fail'; pick: number; reason: 'broadcast-failed' | 'dropped' | 'reverted' }
  | { type: 'reject'; pick: number }
  | { type: 'restart' }
  | { type: 'clock'; milliseconds: number }
  | { type: 'price'; asset: number; rate: number };

const approval = fc.constantFrom<Approval>('auto', 'confirm', 'step-up');
/** Mostly payments around the caps' sizes, some tiny, some large. */
const units = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 600 }) },
  { weight: 2, arbitrary: fc.integer({ min: 600, max: 2_500 }) },
);
/** Mostly minutes to hours, so payments share windows; sometimes days, either way. */
const clockMove = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -2 * 3_600_000, max: 3 * 3_600_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -3 * 86_400_000, max: 4 * 86_400_000 }) },
);
const operation = (approvals: fc.Arbitrary<Approval>): fc.Arbitrary<Operation> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('reserve' as const),
        site: fc.nat(2),
        asset: fc.nat(2),
        units,
        approved: approvals,
        isSignature: fc.boolean(),
      }),
    },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('attach' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('speed-up' as const), pick: fc.nat() }) },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('replace' as const),
        pick: fc.nat(),
        asset: fc.nat(2),
        units,
        approved: approvals,
      }),
    },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('settle' as const), pick: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constant('settle-signature' as const), pick: fc.nat() }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('fail' as const),
        pick: fc.nat(),
        reason: fc.constantFrom(
          'broadcast-failed' as const,
          'dropped' as const,
          'reverted' as const,
        ),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('reject' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ type: 'restart' as const }) },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('clock' as const),
        milliseconds: clockMove,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('price' as const),
        asset: fc.nat(2),
        rate: fc.nat(2),
      }),
    },
  );

function snapshot(rateChoice: readonly number[], now: number): PriceSnapshot {
  const quote = (asset: (typeof assets)[number], index: number): [string, PriceQuote] => [
    toAssetKey({ chainId, asset }),
    {
      rate: parseRate(rates[index]?.[rateChoice[index] ?? 0] ?? '1'),
      symbol: asset === 'native' ? 'ETH' : asset === eurc ? 'EURC' : 'USDC',
      decimals: asset === 'native' ? 18 : 6,
      observedAt: now,
      ...(asset === eurc ? { peg: 'EUR' } : asset === usdc ? { peg: 'USD' } : {}),
    },
  ];
  return { currency: 'EUR', quotes: new Map(assets.map((asset, index) => quote(asset, index))) };
}

type World = {
  ledger: LedgerCore;
  now: number;
  rateChoice: number[];
  nextId: number;
  nextNonce: number;
  /** Hashes that may still be mined: attached, not failed. */
  live: Map<Hex, string>;
  requests: number;
  refused: number;
  reserved: Set<string>;
};

function pick<T>(values: readonly T[], index: number): T | undefined {
  return values.length === 0 ? undefined : values[index % values.length];
}

function run(world: World, step: Operation): void {
  const { ledger } = world;
  const reservations = [...ledger.reservations()];
  const hash = (): Hex =>
    `0x${(world.nextNonce * 7919 + world.nextId).toString(16).padStart(64, '0')}`;
  const reserve = (
    site: number,
    assetIndex: number,
    units: number,
    approved: Approval,
    kind: 'transaction' | 'signature',
  ): Reservation | undefined => {
    world.requests += 1;
    world.nextId += 1;
    const asset = assets[assetIndex] ?? eurc;
    const amount = BigInt(units) * (unitSize[assetIndex] ?? 1n);
    try {
      const { reservation } = ledger.reserve({
        id: `r${world.nextId}`,
        kind,
        policy,
        request: request([spend(asset, amount)], origins[site] ?? origins[0]),
        prices: snapshot(world.rateChoice, world.now),
        approvedAction: approved,
        now: world.now,
      });
      if (reservation === undefined) throw new Error('a payment reserved nothing');
      world.reserved.add(reservation.id);
      return reservation;
    } catch (error) {
      if (!(error instanceof ReservationRefusedError)) throw error;
      world.refused += 1;
      return undefined;
    }
  };
  const attach = (reservationId: string, nonce: number): void => {
    world.nextNonce += 1;
    const transactionHash = hash();
    ledger.attachTransaction({
      reservationId,
      hash: transactionHash,
      from: sender,
      nonce,
      now: world.now,
    });
    world.live.set(transactionHash, reservationId);
  };
  const unsent = reservations.filter(
    (entry) =>
      entry.status === 'reserved' &&
      entry.kind === 'transaction' &&
      entry.transactions.length === 0,
  );
  const inFlight = reservations.filter(
    (entry) =>
      entry.status === 'reserved' &&
      entry.transactions.some((transaction) => world.live.has(transaction.hash)),
  );

  switch (step.type) {
    case 'reserve':
      reserve(
        step.site,
        step.asset,
        step.units,
        step.approved,
        step.isSignature ? 'signature' : 'transaction',
      );
      return;
    case 'attach': {
      const target = pick(unsent, step.pick);
      if (target !== undefined) attach(target.id, world.nextNonce + 1_000);
      return;
    }
    case 'speed-up': {
      const target = pick(inFlight, step.pick);
      const first = target?.transactions[0];
      if (target !== undefined && first !== undefined) attach(target.id, first.nonce);
      return;
    }
    case 'replace': {
      const target = pick(inFlight, step.pick);
      const first = target?.transactions[0];
      if (target === undefined || first === undefined) return;
      const site = origins.indexOf(target.origin as (typeof origins)[number]);
      const replacement = reserve(site, step.asset, step.units, step.approved, 'transaction');
      if (replacement !== undefined) attach(replacement.id, first.nonce);
      return;
    }
    case 'settle': {
      const transactionHash = pick([...world.live.keys()], step.pick);
      if (transactionHash === undefined) return;
      ledger.settle({ hash: transactionHash, now: world.now });
      // Its siblings share the nonce: they can never be mined now.
      const settled = ledger.findByTransaction(transactionHash);
      for (const transaction of settled?.transactions ?? []) world.live.delete(transaction.hash);
      return;
    }
    case 'settle-signature': {
      const target = pick(
        reservations.filter((entry) => entry.status === 'reserved' && entry.kind === 'signature'),
        step.pick,
      );
      if (target !== undefined) ledger.settle({ reservationId: target.id, now: world.now });
      return;
    }
    case 'fail': {
      const transactionHash = pick([...world.live.keys()], step.pick);
      if (transactionHash === undefined) return;
      ledger.releaseTransaction({ hash: transactionHash, reason: step.reason, now: world.now });
      const failed = ledger.findByTransaction(transactionHash);
      if (step.reason === 'reverted')
        for (const transaction of failed?.transactions ?? []) world.live.delete(transaction.hash);
      else world.live.delete(transactionHash);
      return;
    }
    case 'reject': {
      const target = pick(
        reservations.filter(
          (entry) => entry.status === 'reserved' && entry.transactions.length === 0,
        ),
        step.pick,
      );
      if (target !== undefined)
        ledger.release({ reservationId: target.id, reason: 'rejected', now: world.now });
      return;
    }
    case 'restart': {
      const restarted = createLedgerCore({ currency: 'EUR' });
      restarted.load(reservations.reverse());
      world.ledger = restarted;
      return;
    }
    case 'clock':
      world.now += step.milliseconds;
      return;
    case 'price':
      world.rateChoice[step.asset] = step.rate;
      return;
  }
}

const fiatOf = (spends: readonly ReservedSpend[]): bigint =>
  spends.reduce((total, item) => {
    if (item.fiatValue === undefined) throw new Error('unpriced spend');
    return total + item.fiatValue;
  }, 0n);

function measure(limit: Limit, spends: readonly ReservedSpend[]): bigint {
  if (limit.unit.kind === 'fiat') return fiatOf(spends);
  const key = toAssetKey(limit.unit);
  return spends
    .filter((item) => toAssetKey(item) === key)
    .reduce((total, item) => total + item.amount, 0n);
}

type Candidate = { time: number; spends: readonly ReservedSpend[] };

/**
 * What an entry may still turn into, each at the time it was decided: the mined transaction; the
 * live ones of a pending payment (only one of them can be mined); or the reservation itself.
 */
function candidatesOf(entry: Reservation): Candidate[] {
  const timeOf = (transaction: ReservationTransaction): number =>
    transaction.reservedAt ?? entry.reservedAt;
  if (entry.status === 'settled') {
    const mined = entry.transactions.find((transaction) => transaction.hash === entry.settledHash);
    return [{ time: mined === undefined ? entry.reservedAt : timeOf(mined), spends: entry.spends }];
  }
  const live = entry.transactions.filter((transaction) => transaction.isDropped !== true);
  if (live.length === 0) return [{ time: entry.reservedAt, spends: entry.spends }];
  return live.map((transaction) => ({ time: timeOf(transaction), spends: transaction.spends }));
}

/** The most one entry can spend against `limit` within [from, to], whichever candidate is mined. */
function worstWithin(limit: Limit, entry: Reservation, from: number, to: number): bigint {
  let most = 0n;
  for (const candidate of candidatesOf(entry))
    if (candidate.time >= from && candidate.time <= to) {
      const spent = measure(limit, candidate.spends);
      if (spent > most) most = spent;
    }
  return most;
}

/**
 * The most any window of `limit` can hold, anchoring a window at every candidate's time: what
 * leaves the wallet if every pending payment resolves to its largest candidate in that window.
 */
function fullestWindow(limit: Limit, entries: readonly Reservation[]): bigint {
  if (limit.window === 'transaction') {
    let most = 0n;
    for (const entry of entries)
      for (const candidate of candidatesOf(entry))
        if (measure(limit, candidate.spends) > most) most = measure(limit, candidate.spends);
    return most;
  }
  const length = limitWindowMilliseconds[limit.window];
  const anchors = entries.flatMap((entry) =>
    candidatesOf(entry).map((candidate) => candidate.time),
  );
  let most = 0n;
  for (const anchor of anchors) {
    let total = 0n;
    for (const entry of entries) total += worstWithin(limit, entry, anchor, anchor + length);
    if (total > most) most = total;
  }
  return most;
}

/**
 * What the ledger counts for an entry from `since` on: per asset, the most any candidate decided
 * at or after `since` spends (and the most fiat value of that asset).
 */
function countedSince(
  entry: Reservation,
  since: number,
  pick: (spend: ReservedSpend) => bigint | undefined,
): bigint {
  const most = new Map<string, bigint>();
  for (const candidate of candidatesOf(entry)) {
    if (candidate.time < since) continue;
    const totals = new Map<string, bigint>();
    for (const item of candidate.spends) {
      const value = pick(item);
      if (value === undefined) continue;
      const key = toAssetKey(item);
      totals.set(key, (totals.get(key) ?? 0n) + value);
    }
    for (const [key, value] of totals) if (value > (most.get(key) ?? 0n)) most.set(key, value);
  }
  return [...most.values()].reduce((total, value) => total + value, 0n);
}

function checkInvariants(world: World, isAutoOnly: boolean): void {
  const all = [...world.ledger.reservations()];
  const counted = all.filter((entry) => entry.status !== 'released');
  const checkScope = (limits: readonly Limit[], entries: readonly Reservation[]): void => {
    for (const limit of limits) {
      if (!isAutoOnly && limit.whenExceeded !== 'block') continue;
      expect(fullestWindow(limit, entries)).toBeLessThanOrEqual(limit.amount);
    }
  };
  checkScope(policy.walletLimits, counted);
  for (const origin of origins)
    checkScope(
      policy.sites.get(origin)?.limits ?? [],
      counted.filter((entry) => entry.origin === origin),
    );

  // Grant periods: fixed from the start, never more than the grant's amount.
  const periodMilliseconds = (hourlyGrant.periodSeconds ?? 0) * 1000;
  const grantEntries = counted.filter((item) => item.grantId === hourlyGrant.id);
  const periods = new Set(
    grantEntries.flatMap((entry) =>
      candidatesOf(entry).map((candidate) =>
        Math.floor((candidate.time - hourlyGrant.startTime * 1000) / periodMilliseconds),
      ),
    ),
  );
  for (const period of periods) {
    const from = hourlyGrant.startTime * 1000 + period * periodMilliseconds;
    let total = 0n;
    for (const entry of grantEntries)
      total += worstWithin(eurcWeekly, entry, from, from + periodMilliseconds - 1);
    expect(total).toBeLessThanOrEqual(hourlyGrant.amount);
  }

  // The index agrees with a brute-force sum, from any point in time, in every scope.
  const times = counted.flatMap((entry) => candidatesOf(entry).map((candidate) => candidate.time));
  const probes = [world.now - 86_400_000, world.now, ...times, ...times.map((time) => time + 1)];
  const eurcKey = toAssetKey({ chainId, asset: eurc });
  for (const since of probes) {
    expect(world.ledger.fiatSince({ kind: 'wallet' }, since, 'EUR')).toEqual({
      value: counted.reduce(
        (total, entry) => total + countedSince(entry, since, (item) => item.fiatValue),
        0n,
      ),
      unpriced: new Map(),
    });
    for (const origin of origins) {
      const mine = counted.filter((entry) => entry.origin === origin);
      expect(world.ledger.amountSince({ kind: 'site', origin }, since, eurcKey)).toBe(
        mine.reduce(
          (total, entry) =>
            total +
            countedSince(entry, since, (item) =>
              toAssetKey(item) === eurcKey ? item.amount : undefined,
            ),
          0n,
        ),
      );
    }
  }

  // Exactly one outcome per request: refused, or one reservation in exactly one state.
  expect(world.refused + world.reserved.size).toBe(world.requests);
  for (const id of world.reserved) {
    const entry = world.ledger.get(id);
    expect(
      entry === undefined ? undefined : ['reserved', 'settled', 'released'].includes(entry.status),
    ).toBe(true);
  }
  for (const entry of all)
    if (entry.status === 'settled') expect(entry.releaseReason).toBeUndefined();
}

function property(approvals: fc.Arbitrary<Approval>, isAutoOnly: boolean) {
  return fc.property(
    fc.array(operation(approvals), { minLength: 1, maxLength: 80 }),
    (operations) => {
      const world: World = {
        ledger: createLedgerCore({ currency: 'EUR' }),
        now: start,
        rateChoice: [1, 1, 1],
        nextId: 0,
        nextNonce: 0,
        live: new Map(),
        requests: 0,
        refused: 0,
        reserved: new Set(),
      };
      for (const step of operations) {
        try {
          run(world, step);
        } catch (error) {
          // Refused on purpose, and nothing changed: a transaction of a settled payment failing, or
          // a replacement that would mix a grant payment with another.
          if (!(
            error instanceof InvalidReservationStateError ||
            error instanceof InvalidLedgerInputError
          ))
            throw error;
        }
        checkInvariants(world, isAutoOnly);
      }
    },
  );
}

describe('decide and the ledger, under random sequences', () => {
  it('never let a hard cap or a grant be exceeded, whatever the user approves', () => {
    fc.assert(property(approval, false), { numRuns: 300 });
  });

  it('never let any cap be exceeded by automatic payments', () => {
    fc.assert(property(fc.constant<Approval>('auto'), true), { numRuns: 300 });
  });

  // Found by the property above (seed -113188043): a payment replaced by one decided an hour later
  // was merged into the first reservation and counted at its time, so the replacement dropped out
  // of the current hour and a later automatic payment passed the hourly cap.
  it('counts a replacement decided in a later window within that window', () => {
    fc.assert(property(fc.constant<Approval>('auto'), true), {
      numRuns: 1,
      examples: [
        [
          [
            {
              type: 'reserve',
              site: 0,
              asset: 0,
              units: 600,
              approved: 'auto',
              isSignature: false,
            },
            { type: 'attach', pick: 0 },
            { type: 'clock', milliseconds: 3_600_001 },
            { type: 'replace', pick: 0, asset: 2, units: 301, approved: 'auto' },
            { type: 'reserve', site: 0, asset: 0, units: 1, approved: 'auto', isSignature: false },
          ],
        ],
      ],
    });
  });
});

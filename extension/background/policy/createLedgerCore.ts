/**
 * The spending ledger in memory: every reservation, its state machine and the index `decide`
 * reads. Synchronous on purpose: `reserve` decides and records in one step, so nothing can run
 * between the check and the write (the IndexedDB store runs it inside one readwrite transaction).
 * Trusted: the caller (the service worker); it persists the `changed` records each call returns.
 *
 * States: reserved → settled (mined, or a signature given out) | released (rejected, broadcast
 * failed, reverted, dropped, abandoned, replaced). Reserved and settled count against caps.
 * A released transaction that turns out mined is settled after all: the chain is the truth.
 */
import { isAddress } from 'viem';
import type { Address, Hex } from 'viem';
import type { Decision } from './Decision.ts';
import {
  InvalidLedgerInputError,
  InvalidReservationStateError,
  ReservationNotFoundError,
  ReservationRefusedError,
} from './errors.ts';
import type { LedgerView } from './LedgerView.ts';
import { policyActionRank } from './Policy.ts';
import type { PolicyAction, PolicyState } from './Policy.ts';
import type { PolicyRequest } from './PolicyRequest.ts';
import type { PriceSnapshot } from './PriceSnapshot.ts';
import type {
  ReleaseReason,
  Reservation,
  ReservationTransaction,
  ReservedSpend,
} from './Reservation.ts';
import { createSpendingIndex } from './createSpendingIndex.ts';
import type { SpendingIndex } from './createSpendingIndex.ts';
import { decide } from './decide.ts';
import { toAssetKey } from './toAssetKey.ts';

export type ReserveParameters = {
  /** A fresh id (the store uses crypto.randomUUID()). */
  id: string;
  kind: 'transaction' | 'signature';
  policy: PolicyState;
  request: PolicyRequest;
  prices: PriceSnapshot;
  /**
   * What the user already gave: `auto` (no prompt was shown), `confirm` (approved in the window),
   * `step-up` (approved with the password). The request is refused if it now needs more.
   */
  approvedAction: Exclude<PolicyAction, 'block'>;
  now: number;
};

export type ReserveResult = {
  readonly decision: Decision;
  /** Absent when the request spends nothing: there is nothing to settle or release. */
  readonly reservation: Reservation | undefined;
  readonly changed: readonly Reservation[];
};

export type LedgerChange = {
  /** The reservation that now tracks the payment (after a replacement, the one merged into). */
  readonly reservation: Reservation;
  /** Every record this call changed; empty when it changed nothing (a repeated call). */
  readonly changed: readonly Reservation[];
};

export type LedgerCore = LedgerView & {
  readonly currency: string;
  /** The highest `sequence` of any record held. */
  readonly sequence: number;
  get(id: string): Reservation | undefined;
  findByTransaction(hash: Hex): Reservation | undefined;
  reservations(): IterableIterator<Reservation>;
  /** Decides again and, when the approval given still covers it, reserves. */
  reserve(parameters: ReserveParameters): ReserveResult;
  /**
   * Records the signed transaction of a reservation, before it is broadcast. The same
   * reservation again with another hash is a speed-up of the same payment. Another reservation's
   * transaction with the same chain, sender and nonce replaces that one: the two merge and count
   * once, as the most of each asset either spends, until one is mined.
   */
  attachTransaction(parameters: {
    reservationId: string;
    hash: Hex;
    from: Address;
    nonce: number;
    now: number;
  }): LedgerChange;
  /** Mined successfully (by hash), or a signature given to the site (by reservation id). */
  settle(parameters: ({ hash: Hex } | { reservationId: string }) & { now: number }): LedgerChange;
  /** Nothing left the wallet: the user or signer said no, or it was abandoned before signing. */
  release(parameters: {
    reservationId: string;
    reason: Extract<ReleaseReason, 'rejected' | 'abandoned'>;
    now: number;
  }): LedgerChange;
  /** One transaction failed: refused by the node, dropped from the mempool, or reverted. */
  releaseTransaction(parameters: {
    hash: Hex;
    reason: Extract<ReleaseReason, 'broadcast-failed' | 'dropped' | 'reverted'>;
    now: number;
  }): LedgerChange;
  /** Takes in records from storage (at start, or changes another context made), newest wins. */
  load(records: Iterable<Reservation>): void;
};
export type CreateLedgerCoreReturnType = LedgerCore;

const hashPattern = /^0x[0-9a-fA-F]{64}$/;
/** Checked at run time too: a caller's typo must not create a reservation nothing can settle. */
const reservationKinds: readonly string[] = ['transaction', 'signature'];

export function createLedgerCore({ currency }: { currency: string }): CreateLedgerCoreReturnType {
  const entries = new Map<string, Reservation>();
  const byHash = new Map<string, string>();
  /** `chainId:from:nonce` → the reserved reservation whose transaction uses it. */
  const byNonce = new Map<string, string>();
  /** `origin|chainId|recipient` → how many settled spends paid it. */
  const paid = new Map<string, number>();
  let index: SpendingIndex = createSpendingIndex(currency);
  let sequence = 0;

  const isCounted = (reservation: Reservation): boolean => reservation.status !== 'released';
  const paidKey = (origin: string, chainId: number, recipient: string): string =>
    `${origin}|${chainId}|${recipient.toLowerCase()}`;
  const nonceKey = (chainId: number, from: string, nonce: number): string =>
    `${chainId}:${from.toLowerCase()}:${nonce}`;

  /** Removes a record from every lookup; the inverse of `link`. */
  const unlink = (reservation: Reservation): void => {
    if (isCounted(reservation)) index.remove(reservation);
    if (reservation.status === 'settled') changePaid(reservation, -1);
    for (const transaction of reservation.transactions) {
      if (byHash.get(transaction.hash.toLowerCase()) === reservation.id)
        byHash.delete(transaction.hash.toLowerCase());
      const key = nonceKey(reservation.chainId, transaction.from, transaction.nonce);
      if (byNonce.get(key) === reservation.id) byNonce.delete(key);
    }
    entries.delete(reservation.id);
  };
  const link = (reservation: Reservation): void => {
    entries.set(reservation.id, reservation);
    if (isCounted(reservation)) index.add(reservation);
    if (reservation.status === 'settled') changePaid(reservation, 1);
    for (const transaction of reservation.transactions) {
      byHash.set(transaction.hash.toLowerCase(), reservation.id);
      if (reservation.status === 'reserved')
        byNonce.set(
          nonceKey(reservation.chainId, transaction.from, transaction.nonce),
          reservation.id,
        );
    }
    if (reservation.sequence > sequence) sequence = reservation.sequence;
  };
  const changePaid = (reservation: Reservation, delta: 1 | -1): void => {
    for (const spend of reservation.spends) {
      if (spend.recipient === undefined) continue;
      const key = paidKey(reservation.origin, spend.chainId, spend.recipient);
      const count = (paid.get(key) ?? 0) + delta;
      if (count <= 0) paid.delete(key);
      else paid.set(key, count);
    }
  };
  /** Replaces records as one step, all under one new sequence number. */
  const commit = (updates: readonly Reservation[], now: number): Reservation[] => {
    const next = sequence + 1;
    const stamped = updates.map((update) => ({ ...update, updatedAt: now, sequence: next }));
    for (const update of stamped) {
      const existing = entries.get(update.id);
      if (existing !== undefined) unlink(existing);
    }
    for (const update of stamped) link(update);
    return stamped;
  };
  const requireReservation = (id: string): Reservation => {
    const reservation = typeof id === 'string' ? entries.get(id) : undefined;
    if (reservation === undefined) throw new ReservationNotFoundError({ key: id });
    return reservation;
  };
  const requireHash = (
    hash: Hex,
  ): { reservation: Reservation; transaction: ReservationTransaction } => {
    if (typeof hash !== 'string' || !hashPattern.test(hash))
      throw new InvalidLedgerInputError({ field: 'hash', expected: 'a 32-byte transaction hash' });
    const id = byHash.get(hash.toLowerCase());
    const reservation = id === undefined ? undefined : entries.get(id);
    const transaction = reservation?.transactions.find(
      (candidate) => candidate.hash.toLowerCase() === hash.toLowerCase(),
    );
    if (reservation === undefined || transaction === undefined)
      throw new ReservationNotFoundError({ key: hash });
    return { reservation, transaction };
  };
  const refuseState = (reservation: Reservation, operation: string): never => {
    throw new InvalidReservationStateError({
      reservationId: reservation.id,
      status:
        reservation.releaseReason === undefined
          ? reservation.status
          : `${reservation.status} (${reservation.releaseReason})`,
      operation,
    });
  };
  const ensureCurrency = (wanted: string): void => {
    if (wanted === index.currency) return;
    index = createSpendingIndex(wanted);
    for (const reservation of entries.values()) if (isCounted(reservation)) index.add(reservation);
  };

  const core: LedgerCore = {
    get currency() {
      return index.currency;
    },
    get sequence() {
      return sequence;
    },
    get: (id) => entries.get(id),
    findByTransaction: (hash) => {
      const id = typeof hash === 'string' ? byHash.get(hash.toLowerCase()) : undefined;
      return id === undefined ? undefined : entries.get(id);
    },
    reservations: () => entries.values(),

    fiatSince(scope, since, wanted) {
      ensureCurrency(wanted);
      return index.fiatSince(scope, since);
    },
    amountSince: (scope, since, assetKey) => index.amountSince(scope, since, assetKey),
    grantUsedSince: (grantId, since) => index.grantUsedSince(grantId, since),
    hasPaid: (origin, chainId, recipient) => paid.has(paidKey(origin, chainId, recipient)),

    reserve({ id, kind, policy, request, prices, approvedAction, now }) {
      if (typeof id !== 'string' || id.length === 0 || entries.has(id))
        throw new InvalidLedgerInputError({ field: 'id', expected: 'a new, non-empty id' });
      if (!Number.isFinite(now))
        throw new InvalidLedgerInputError({ field: 'now', expected: 'a time in milliseconds' });
      if (!reservationKinds.includes(kind))
        throw new InvalidLedgerInputError({
          field: 'kind',
          expected: '"transaction" or "signature"',
        });
      ensureCurrency(policy.currency);
      const decision = decide({ policy, ledger: core, request, prices, now: new Date(now) });
      if (
        decision.action === 'block' ||
        policyActionRank[decision.action] > policyActionRank[approvedAction]
      ) {
        throw new ReservationRefusedError({
          action: decision.action,
          approvedAction,
          rules: decision.reasons
            .filter((reason) => reason.action === decision.action)
            .map((reason) => reason.rule),
        });
      }
      if (decision.spends.length === 0) return { decision, reservation: undefined, changed: [] };
      const [reservation] = commit(
        [
          {
            id,
            origin: request.origin,
            chainId: request.chainId,
            kind,
            status: 'reserved',
            spends: decision.spends,
            currency: decision.currency,
            ...(decision.grantId === undefined ? {} : { grantId: decision.grantId }),
            reservedAt: now,
            updatedAt: now,
            transactions: [],
            sequence: 0,
          },
        ],
        now,
      );
      return { decision, reservation, changed: reservation === undefined ? [] : [reservation] };
    },

    attachTransaction({ reservationId, hash, from, nonce, now }) {
      const reservation = requireReservation(reservationId);
      if (typeof hash !== 'string' || !hashPattern.test(hash))
        throw new InvalidLedgerInputError({
          field: 'hash',
          expected: 'a 32-byte transaction hash',
        });
      if (typeof from !== 'string' || !isAddress(from, { strict: false }))
        throw new InvalidLedgerInputError({ field: 'from', expected: 'an address' });
      if (!Number.isSafeInteger(nonce) || nonce < 0)
        throw new InvalidLedgerInputError({ field: 'nonce', expected: 'a non-negative integer' });
      if (reservation.kind !== 'transaction')
        return refuseState(reservation, 'attach a transaction to');
      const known = byHash.get(hash.toLowerCase());
      if (known === reservation.id) return { reservation, changed: [] };
      if (known !== undefined)
        throw new InvalidLedgerInputError({
          field: 'hash',
          expected: 'a transaction no other reservation has',
        });
      if (reservation.status !== 'reserved')
        return refuseState(reservation, 'attach a transaction to');
      const first = reservation.transactions[0];
      if (
        first !== undefined &&
        (first.nonce !== nonce || first.from.toLowerCase() !== from.toLowerCase())
      )
        throw new InvalidLedgerInputError({
          field: 'nonce',
          expected: `the sender and nonce of the transaction it speeds up (${first.nonce})`,
        });

      const replacedId = byNonce.get(nonceKey(reservation.chainId, from, nonce));
      const replaced = replacedId === undefined ? undefined : entries.get(replacedId);
      if (replaced !== undefined && replaced.id !== reservation.id) {
        // A different payment with the same nonce: only one of the two can ever be mined.
        if (replaced.grantId !== reservation.grantId)
          throw new InvalidLedgerInputError({
            field: 'nonce',
            expected: 'the nonce of a payment under the same grant, or a fresh one',
          });
        const transactions = [
          ...replaced.transactions,
          { hash, from, nonce, spends: reservation.spends, reservedAt: reservation.reservedAt },
        ];
        const [merged, released] = commit(
          [
            { ...replaced, transactions, spends: mostOfEach(transactions) },
            {
              ...reservation,
              status: 'released',
              releaseReason: 'replaced',
              mergedInto: replaced.id,
            },
          ],
          now,
        );
        if (merged === undefined || released === undefined) throw new Error('unreachable');
        return { reservation: merged, changed: [merged, released] };
      }
      // A speed-up is the same payment: same spends, decided at the same time.
      const spends = first?.spends ?? reservation.spends;
      const transactions = [
        ...reservation.transactions,
        {
          hash,
          from,
          nonce,
          spends,
          ...(first?.reservedAt === undefined ? {} : { reservedAt: first.reservedAt }),
        },
      ];
      const [updated] = commit(
        [{ ...reservation, transactions, spends: mostOfEach(transactions) }],
        now,
      );
      if (updated === undefined) throw new Error('unreachable');
      return { reservation: updated, changed: [updated] };
    },

    settle(parameters) {
      const { now } = parameters;
      if ('reservationId' in parameters) {
        const reservation = requireReservation(parameters.reservationId);
        if (reservation.kind !== 'signature')
          return refuseState(reservation, 'settle without a transaction');
        if (reservation.status === 'settled') return { reservation, changed: [] };
        if (reservation.status === 'released') return refuseState(reservation, 'settle');
        const [settled] = commit([{ ...reservation, status: 'settled' }], now);
        if (settled === undefined) throw new Error('unreachable');
        return { reservation: settled, changed: [settled] };
      }
      const { reservation, transaction } = requireHash(parameters.hash);
      if (reservation.status === 'settled') {
        if (reservation.settledHash?.toLowerCase() === transaction.hash.toLowerCase())
          return { reservation, changed: [] };
        return refuseState(reservation, 'settle a second transaction of');
      }
      if (reservation.releaseReason === 'reverted') return refuseState(reservation, 'settle');
      const { releaseReason: _releaseReason, ...rest } = reservation;
      const [settled] = commit(
        [{ ...rest, status: 'settled', spends: transaction.spends, settledHash: transaction.hash }],
        now,
      );
      if (settled === undefined) throw new Error('unreachable');
      return { reservation: settled, changed: [settled] };
    },

    release({ reservationId, reason, now }) {
      const reservation = requireReservation(reservationId);
      if (reservation.status === 'released') return { reservation, changed: [] };
      if (reservation.status === 'settled') return refuseState(reservation, 'release');
      if (reservation.transactions.length > 0)
        return refuseState(reservation, 'release by id (its transaction may be pending)');
      const [released] = commit(
        [{ ...reservation, status: 'released', releaseReason: reason }],
        now,
      );
      if (released === undefined) throw new Error('unreachable');
      return { reservation: released, changed: [released] };
    },

    releaseTransaction({ hash, reason, now }) {
      const { reservation, transaction } = requireHash(hash);
      if (reason === 'reverted') {
        if (reservation.releaseReason === 'reverted') return { reservation, changed: [] };
        // A mined transaction used the nonce: none of the others can be mined any more.
        if (
          reservation.status === 'settled' &&
          reservation.settledHash?.toLowerCase() !== transaction.hash.toLowerCase()
        )
          return refuseState(reservation, 'revert another transaction of');
        const { settledHash: _settledHash, ...rest } = reservation;
        const [released] = commit(
          [{ ...rest, status: 'released', releaseReason: 'reverted', spends: transaction.spends }],
          now,
        );
        if (released === undefined) throw new Error('unreachable');
        return { reservation: released, changed: [released] };
      }
      if (reservation.status === 'settled')
        return refuseState(reservation, 'drop a transaction of');
      if (transaction.isDropped === true) return { reservation, changed: [] };
      const transactions = reservation.transactions.map((candidate) =>
        candidate === transaction ? { ...candidate, isDropped: true } : candidate,
      );
      const live = transactions.filter((candidate) => candidate.isDropped !== true);
      const next: Reservation =
        live.length === 0
          ? { ...reservation, transactions, status: 'released', releaseReason: reason }
          : { ...reservation, transactions, spends: mostOfEach(transactions) };
      const [updated] = commit([next], now);
      if (updated === undefined) throw new Error('unreachable');
      return { reservation: updated, changed: [updated] };
    },

    load(records) {
      for (const record of records) {
        const existing = entries.get(record.id);
        if (existing !== undefined) {
          if (existing.sequence > record.sequence) continue;
          unlink(existing);
        }
        link(record);
      }
    },
  };
  return core;
}

/**
 * What a payment with several candidate transactions counts as: for each asset, the most any of
 * the live ones spends (and the highest fiat value; unpriced if any is). Dropped ones are out.
 */
function mostOfEach(transactions: readonly ReservationTransaction[]): ReservedSpend[] {
  const live = transactions.filter((transaction) => transaction.isDropped !== true);
  if (live.length === 1) return [...(live[0]?.spends ?? [])];
  const byAsset = new Map<string, ReservedSpend[]>();
  for (const transaction of live) {
    const totals = new Map<string, ReservedSpend>();
    for (const spend of transaction.spends) {
      const key = toAssetKey(spend);
      const previous = totals.get(key);
      totals.set(
        key,
        previous === undefined
          ? spend
          : {
              ...previous,
              amount: previous.amount + spend.amount,
              isUnlimited: previous.isUnlimited || spend.isUnlimited,
              ...addFiat(previous.fiatValue, spend.fiatValue),
            },
      );
    }
    for (const [key, spend] of totals) byAsset.set(key, [...(byAsset.get(key) ?? []), spend]);
  }
  const result: ReservedSpend[] = [];
  for (const candidates of byAsset.values()) {
    let most: ReservedSpend | undefined;
    let isUnpriced = false;
    let fiat = 0n;
    for (const candidate of candidates) {
      if (most === undefined || candidate.amount > most.amount) most = candidate;
      if (candidate.fiatValue === undefined) isUnpriced = true;
      else if (candidate.fiatValue > fiat) fiat = candidate.fiatValue;
    }
    if (most === undefined) continue;
    const { fiatValue: _fiatValue, ...spend } = most;
    result.push(isUnpriced ? spend : { ...spend, fiatValue: fiat });
  }
  return result;
}

function addFiat(left: bigint | undefined, right: bigint | undefined): { fiatValue?: bigint } {
  return left === undefined || right === undefined ? {} : { fiatValue: left + right };
}

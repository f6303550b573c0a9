/**
 * The spending ledger on disk (IndexedDB through idb), with the in-memory core in front for
 * `decide`. Every change runs inside a readwrite transaction over the whole ledger (changes that
 * arrive while one is being written share the next, each applied alone and in order): it reads
 * the ledger's head, takes in what any other context wrote since, runs the core operation (for
 * `reserve`: decide again, then record) and writes the changed records and the new head. IndexedDB
 * runs readwrite transactions over the same stores one after the other, so two requests, from
 * any tabs or pages, can never both pass a cap that fits one. Reservations are on disk before
 * `reserve` resolves, so a restart in the middle of a payment keeps them counted.
 *
 * Trusted: the caller (the service worker) and what it stored. Time comes from `now`.
 */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Address, Hex } from 'viem';
import type { Decision } from './Decision.ts';
import type { LedgerView } from './LedgerView.ts';
import type { PolicyState } from './Policy.ts';
import type { PolicyRequest } from './PolicyRequest.ts';
import type { PriceSnapshot } from './PriceSnapshot.ts';
import type { ReleaseReason, Reservation } from './Reservation.ts';
import { createLedgerCore } from './createLedgerCore.ts';
import type {
  LedgerChange,
  LedgerCore,
  ReserveParameters,
  ReserveResult,
} from './createLedgerCore.ts';
import { decide } from './decide.ts';

export type OpenPolicyLedgerParameters = {
  /** The IndexedDB database name; tests use one per test. */
  name?: string;
  /** The wallet's fiat currency when the ledger opens (decide switches it when the policy does). */
  currency: string;
  now: () => Date;
  createId?: () => string;
};

export type PolicyLedger = {
  /** What `decide` reads; always up to date with this context's own changes. */
  readonly view: LedgerView;
  /** `decide` against this ledger at `now()`: call it before asking the user. */
  decide(parameters: {
    policy: PolicyState;
    request: PolicyRequest;
    prices: PriceSnapshot;
  }): Decision;
  /** Decide again and reserve atomically; throws ReservationRefusedError if it no longer passes. */
  reserve(parameters: Omit<ReserveParameters, 'id' | 'now'>): Promise<ReserveResult>;
  attachTransaction(parameters: {
    reservationId: string;
    hash: Hex;
    from: Address;
    nonce: number;
  }): Promise<LedgerChange>;
  settle(parameters: { hash: Hex } | { reservationId: string }): Promise<LedgerChange>;
  release(parameters: {
    reservationId: string;
    reason: Extract<ReleaseReason, 'rejected' | 'abandoned'>;
  }): Promise<LedgerChange>;
  releaseTransaction(parameters: {
    hash: Hex;
    reason: Extract<ReleaseReason, 'broadcast-failed' | 'dropped' | 'reverted'>;
  }): Promise<LedgerChange>;
  /**
   * After a restart: releases reservations older than `olderThanMilliseconds` that never got a
   * transaction or a settled signature, which the request handler records before anything
   * leaves the wallet, so they never did. Returns them.
   */
  releaseAbandoned(parameters: { olderThanMilliseconds: number }): Promise<Reservation[]>;
  /** Reserved entries (a transaction in flight or not yet resolved), oldest first. */
  pending(): Reservation[];
  /** The newest entries first, for the activity list; one site's when `origin` is given. */
  list(parameters?: { origin?: string; limit?: number }): Reservation[];
  /** Reads everything from disk again (after a failed write, or to check). */
  reload(): Promise<void>;
  close(): void;
};
export type OpenPolicyLedgerReturnType = PolicyLedger;

type LedgerSchema = DBSchema & {
  reservations: { key: string; value: Reservation; indexes: { sequence: number } };
  meta: { key: string; value: { sequence: number } };
};

const headKey = 'head';

export async function openPolicyLedger({
  name = 'tp-policy-ledger',
  currency,
  now,
  createId = () => crypto.randomUUID(),
}: OpenPolicyLedgerParameters): Promise<OpenPolicyLedgerReturnType> {
  const database: IDBPDatabase<LedgerSchema> = await openDB<LedgerSchema>(name, 1, {
    upgrade(upgrading) {
      const reservations = upgrading.createObjectStore('reservations', { keyPath: 'id' });
      reservations.createIndex('sequence', 'sequence');
      upgrading.createObjectStore('meta');
    },
  });
  let core: LedgerCore = createLedgerCore({ currency });
  /** The head this context has taken in; another context's writes move the stored one on. */
  let synced = 0;

  const reload = async (): Promise<void> => {
    const transaction = database.transaction(['reservations', 'meta'], 'readonly');
    const [records, head] = await Promise.all([
      transaction.objectStore('reservations').getAll(),
      transaction.objectStore('meta').get(headKey),
      transaction.done,
    ]);
    const fresh = createLedgerCore({ currency: core.currency });
    fresh.load(records);
    core = fresh;
    synced = head?.sequence ?? 0;
  };

  type Job = {
    readonly operation: (ledger: LedgerCore) => { changed: readonly Reservation[] };
    readonly resolve: (result: unknown) => void;
    readonly reject: (error: unknown) => void;
  };
  /** Operations waiting for the next transaction; one runs at a time in this context. */
  let waiting: Job[] = [];
  let isRunning = false;

  /**
   * Runs `operation` on the core inside a readwrite transaction and writes what it changed;
   * resolves once that is on disk. Operations that arrive while a transaction is running share
   * the next one (group commit): each is still decided and applied alone, in arrival order, on
   * the ledger as the ones before it left it, so a cap that fits one passes one; a refused
   * operation changes nothing and fails alone; if the write fails, all of the batch fail and
   * memory is read back from disk.
   */
  const mutate = <Result extends { changed: readonly Reservation[] }>(
    operation: (ledger: LedgerCore) => Result,
  ): Promise<Result> =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ operation, resolve: resolve as (result: unknown) => void, reject });
      if (!isRunning) void drain();
    });

  const drain = async (): Promise<void> => {
    isRunning = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        await commit(batch);
      }
    } finally {
      isRunning = false;
    }
  };

  const commit = async (batch: readonly Job[]): Promise<void> => {
    const transaction = database.transaction(['reservations', 'meta'], 'readwrite');
    const reservations = transaction.objectStore('reservations');
    const meta = transaction.objectStore('meta');
    const outcomes: ({ ok: true; result: unknown } | { ok: false; error: unknown })[] = [];
    try {
      const head = (await meta.get(headKey))?.sequence ?? 0;
      if (head !== synced) {
        core.load(
          await reservations.index('sequence').getAll(IDBKeyRange.lowerBound(synced, true)),
        );
        synced = head;
      }
      const changed = new Map<string, Reservation>();
      for (const job of batch) {
        try {
          const result = job.operation(core);
          for (const record of result.changed) changed.set(record.id, record);
          outcomes.push({ ok: true, result });
        } catch (error) {
          if (!isOperationError(error)) throw error;
          // Refused or invalid: the core changed nothing for this one.
          outcomes.push({ ok: false, error });
        }
      }
      if (changed.size > 0) {
        const writes = [...changed.values()].map((record) => reservations.put(record));
        writes.push(meta.put({ sequence: core.sequence }, headKey));
        synced = core.sequence;
        await Promise.all([...writes, transaction.done]);
      } else {
        await transaction.done;
      }
    } catch (error) {
      // The write did not happen: memory must not keep what the disk does not have.
      try {
        transaction.abort();
      } catch {
        // Already finished or aborted by the failure itself.
      }
      await reload().catch(() => undefined);
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok === true) job.resolve(outcome.result);
      else job.reject(outcome?.error);
    });
  };

  await reload();
  return {
    get view() {
      return core;
    },
    decide: ({ policy, request, prices }) =>
      decide({ policy, ledger: core, request, prices, now: now() }),
    reserve: (parameters) =>
      mutate((ledger) => ledger.reserve({ ...parameters, id: createId(), now: now().getTime() })),
    attachTransaction: (parameters) =>
      mutate((ledger) => ledger.attachTransaction({ ...parameters, now: now().getTime() })),
    settle: (parameters) =>
      mutate((ledger) => ledger.settle({ ...parameters, now: now().getTime() })),
    release: (parameters) =>
      mutate((ledger) => ledger.release({ ...parameters, now: now().getTime() })),
    releaseTransaction: (parameters) =>
      mutate((ledger) => ledger.releaseTransaction({ ...parameters, now: now().getTime() })),
    async releaseAbandoned({ olderThanMilliseconds }) {
      const result = await mutate((ledger) => {
        const at = now().getTime();
        const changed: Reservation[] = [];
        for (const reservation of [...ledger.reservations()]) {
          const isUnsent =
            reservation.status === 'reserved' && reservation.transactions.length === 0;
          if (!isUnsent || reservation.reservedAt > at - olderThanMilliseconds) continue;
          changed.push(
            ...ledger.release({ reservationId: reservation.id, reason: 'abandoned', now: at })
              .changed,
          );
        }
        return { changed };
      });
      return [...result.changed];
    },
    pending: () =>
      [...core.reservations()]
        .filter((reservation) => reservation.status === 'reserved')
        .sort((left, right) => left.reservedAt - right.reservedAt),
    list: ({ origin, limit = 100 } = {}) =>
      [...core.reservations()]
        .filter((reservation) => origin === undefined || reservation.origin === origin)
        .sort((left, right) => right.reservedAt - left.reservedAt)
        .slice(0, limit),
    reload,
    close: () => {
      database.close();
    },
  };
}

/** Errors the core throws on purpose (refusals, bad input): nothing was changed, nothing to undo. */
function isOperationError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('policy/')
  );
}

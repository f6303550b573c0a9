/**
 * The activity log: every payment, signature and permission request with its site, decision and
 * transaction status, newest first, in IndexedDB (the worker may write 50 entries a second; one
 * small record per entry, never a rewrite of the whole list). Bounded: past `maxEntries` the
 * oldest go. Trusted: the caller (the service worker) builds every record. Nothing here is
 * secret (no keys, no passwords): it is what the "Activity" page shows.
 */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { ActivityEntryView } from '../../../../shared/protocol/policyMessages.ts';

/** An entry as stored: the view plus the ledger reservation it follows, if it spent anything. */
export type ActivityRecord = ActivityEntryView & { readonly reservationId?: string };

export type ActivityLog = {
  add(record: ActivityRecord): Promise<void>;
  /** Changes one entry; `change` gets the stored record and returns the new one. */
  update(
    id: string,
    change: (record: ActivityRecord) => ActivityRecord,
  ): Promise<ActivityRecord | undefined>;
  findByReservation(reservationId: string): Promise<ActivityRecord[]>;
  findByTransaction(hash: `0x${string}`): Promise<ActivityRecord | undefined>;
  /** Newest first; `before` (epoch ms, exclusive) pages back. */
  list(parameters: {
    origin?: string;
    limit: number;
    before?: number;
  }): Promise<{ entries: ActivityRecord[]; hasMore: boolean }>;
  /** Each origin's newest entry time. */
  lastActivityByOrigin(): Promise<Map<string, number>>;
  close(): void;
};

export type OpenActivityLogParameters = {
  /** The IndexedDB database name; tests use one per test. */
  name?: string;
  maxEntries?: number;
};
export type OpenActivityLogReturnType = ActivityLog;

type ActivitySchema = DBSchema & {
  entries: {
    key: string;
    value: ActivityRecord;
    indexes: {
      createdAt: number;
      originCreatedAt: [string, number];
      reservationId: string;
      transactionHashes: string;
    };
  };
};

/** Pruning counts the store; doing it every few writes keeps the bound without a count per add. */
const pruneEvery = 100;

export async function openActivityLog({
  name = 'tp-activity',
  maxEntries = 5_000,
}: OpenActivityLogParameters = {}): Promise<OpenActivityLogReturnType> {
  const database: IDBPDatabase<ActivitySchema> = await openDB<ActivitySchema>(name, 1, {
    upgrade(upgrading) {
      const entries = upgrading.createObjectStore('entries', { keyPath: 'id' });
      entries.createIndex('createdAt', 'createdAt');
      entries.createIndex('originCreatedAt', ['origin', 'createdAt']);
      entries.createIndex('reservationId', 'reservationId');
      entries.createIndex('transactionHashes', 'transactionHashes', { multiEntry: true });
    },
  });
  let addsSincePrune = 0;

  const prune = async (): Promise<void> => {
    const transaction = database.transaction('entries', 'readwrite');
    const count = await transaction.store.count();
    let excess = count - maxEntries;
    let cursor = excess > 0 ? await transaction.store.index('createdAt').openCursor() : null;
    while (cursor !== null && excess > 0) {
      await cursor.delete();
      excess -= 1;
      cursor = await cursor.continue();
    }
    await transaction.done;
  };

  /** Entries waiting for the next write: adds that arrive while one is written share the next. */
  let waiting: { record: ActivityRecord; done: (error?: unknown) => void }[] = [];
  let isWriting = false;
  const writeWaiting = async (): Promise<void> => {
    isWriting = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        let failure: unknown;
        try {
          const transaction = database.transaction('entries', 'readwrite');
          await Promise.all([
            ...batch.map(({ record }) => transaction.store.put(record)),
            transaction.done,
          ]);
          addsSincePrune += batch.length;
          if (addsSincePrune >= pruneEvery) {
            addsSincePrune = 0;
            await prune();
          }
        } catch (error) {
          failure = error ?? new Error('activity write failed');
        }
        for (const { done } of batch) done(failure);
      }
    } finally {
      isWriting = false;
    }
  };

  return {
    add(record) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({
          record,
          done: (error) => {
            if (error === undefined) resolve();
            else reject(error instanceof Error ? error : new Error('activity write failed'));
          },
        });
        if (!isWriting) void writeWaiting();
      });
    },
    async update(id, change) {
      const transaction = database.transaction('entries', 'readwrite');
      const stored = await transaction.store.get(id);
      const next = stored === undefined ? undefined : change(stored);
      if (next !== undefined) await transaction.store.put(next);
      await transaction.done;
      return next;
    },
    findByReservation: (reservationId) =>
      database.getAllFromIndex('entries', 'reservationId', reservationId),
    // Hashes are stored in lower case (the caller's job), so one spelling finds them.
    findByTransaction: (hash) =>
      database.getFromIndex('entries', 'transactionHashes', hash.toLowerCase()),
    async list({ origin, limit, before }) {
      const upper = before ?? Number.POSITIVE_INFINITY;
      const transaction = database.transaction('entries', 'readonly');
      const cursorSource =
        origin === undefined
          ? transaction.store
              .index('createdAt')
              .openCursor(IDBKeyRange.upperBound(upper, true), 'prev')
          : transaction.store
              .index('originCreatedAt')
              .openCursor(
                IDBKeyRange.bound([origin, -Infinity], [origin, upper], false, true),
                'prev',
              );
      const entries: ActivityRecord[] = [];
      let cursor = await cursorSource;
      while (cursor !== null && entries.length <= limit) {
        entries.push(cursor.value);
        cursor = await cursor.continue();
      }
      await transaction.done;
      return { entries: entries.slice(0, limit), hasMore: entries.length > limit };
    },
    async lastActivityByOrigin() {
      const last = new Map<string, number>();
      let cursor = await database
        .transaction('entries', 'readonly')
        .store.index('originCreatedAt')
        .openCursor(null, 'prev');
      while (cursor !== null) {
        const [origin, createdAt] = cursor.key;
        last.set(origin, createdAt);
        // Jump to the next origin down: everything else of this one is older.
        cursor = await cursor.continue([origin, -Infinity]);
      }
      return last;
    },
    close: () => {
      database.close();
    },
  };
}

import type { Database } from '../db/Database.ts';
import { listSessionPayments } from './listSessionPayments.ts';
import { readCheckoutSession } from './readCheckoutSession.ts';
import { readSessionAndPayments } from './readSessionAndPayments.ts';
import type { SessionAndPayments } from './readSessionAndPayments.ts';

export type SessionReadCache = {
  /**
   * The merchant's session and its payments, current at `now`: an open session past its expiry
   * is expired first, in the database (as `readCheckoutSession` does). Undefined when there is
   * no such session, or it is another merchant's.
   */
  read(parameters: { id: string; merchantId: string; now: Date }): Promise<SessionReadResult>;
  /** Stops listening: every read goes to the database from then on. */
  close(): Promise<void>;
};

export type SessionReadResult = SessionAndPayments | undefined;

export type CreateSessionReadCacheParameters = {
  db: Database;
  /** Sessions remembered at once; the least recently loaded is forgotten beyond it. */
  maxEntries?: number;
  /**
   * The most a remembered session may age (by the `now` of the reads) before it is read again,
   * whatever the notifications said: the bound on staleness should one ever be lost unseen.
   */
  maxAgeMs?: number;
};

export type CreateSessionReadCacheReturnType = SessionReadCache;

/** Where every change to a session or its payments is announced (migration 0011). */
export const checkoutSessionChangesChannel = 'checkout_session_changed';

/*
 * Why: the widget polls its session every few seconds while the shopper pays, so session reads
 * are the provider's busiest route, and each one cost two queries. The answer only changes when
 * the session's row or one of its payments changes, and every such change is announced with the
 * session's id by a trigger (NOTIFY, sent at commit). So:
 * - A session is remembered only while this process listens to those announcements (from the
 *   first `onResumed`); when listening breaks it forgets everything and reads the database until
 *   it listens again. A session heard about is forgotten at once.
 * - A change committed by this process is heard before the statement that committed it resolves
 *   (Database.listen), so a read here that follows a write here never sees the old state. A change
 *   by another process sharing the PostgreSQL server is heard as soon as its notification
 *   arrives (milliseconds); `maxAgeMs` bounds it should one be lost without the connection
 *   breaking.
 * - A load that a change overtakes is not remembered (it may hold the old state); reads of one
 *   session that miss together share one load.
 * - The clock still applies on every read: an open session at or past its expiry is never
 *   answered from memory, it is expired in the database first.
 * Nothing that changes state reads from here (quotes, payment reports, webhooks, the watcher):
 * it only serves `GET /v1/checkout/sessions/{id}`.
 */

/** Session reads answered from memory while the database says nothing changed. */
export function createSessionReadCache({
  db,
  maxEntries = 10_000,
  maxAgeMs = 2_000,
}: CreateSessionReadCacheParameters): CreateSessionReadCacheReturnType {
  type Entry = { value: SessionAndPayments; loadedAtMs: number };
  type Load = { promise: Promise<SessionReadResult>; isCurrent: boolean };
  const entries = new Map<string, Entry>();
  const loads = new Map<string, Load>();
  let isListening = false;

  function forget(id: string): void {
    entries.delete(id);
    const load = loads.get(id);
    if (load === undefined) return;
    load.isCurrent = false;
    loads.delete(id);
  }

  function forgetAll(): void {
    entries.clear();
    for (const load of loads.values()) load.isCurrent = false;
    loads.clear();
  }

  const stopListening = db.listen?.(checkoutSessionChangesChannel, {
    onNotification(payload) {
      if (payload === '*') forgetAll();
      else forget(payload);
    },
    onInterrupted() {
      isListening = false;
      forgetAll();
    },
    onResumed() {
      forgetAll();
      isListening = true;
    },
  });

  function load(id: string, nowMs: number): Promise<SessionReadResult> {
    if (!isListening) return readSessionAndPayments({ db, id });
    const running = loads.get(id);
    if (running !== undefined) return running.promise;
    const started: Load = { promise: Promise.resolve(undefined), isCurrent: true };
    started.promise = readSessionAndPayments({ db, id }).then(
      (value) => {
        if (!started.isCurrent) return value;
        loads.delete(id);
        if (value !== undefined) remember(id, { value, loadedAtMs: nowMs });
        return value;
      },
      (error: unknown) => {
        if (loads.get(id) === started) loads.delete(id);
        throw error;
      },
    );
    loads.set(id, started);
    return started.promise;
  }

  function remember(id: string, entry: Entry): void {
    entries.delete(id);
    entries.set(id, entry);
    if (entries.size <= maxEntries) return;
    const oldest = entries.keys().next();
    if (oldest.done !== true) entries.delete(oldest.value);
  }

  return {
    async read({ id, merchantId, now }) {
      const nowMs = now.getTime();
      const entry = entries.get(id);
      const isFresh =
        entry !== undefined && nowMs >= entry.loadedAtMs && nowMs - entry.loadedAtMs < maxAgeMs;
      const found = isFresh ? entry.value : await load(id, nowMs);
      if (found === undefined || found.session.merchantId !== merchantId) return undefined;
      const { session } = found;
      if (session.status !== 'open' || nowMs < session.expiresAt.getTime()) return found;
      // Due: expired in the database, whose announcement makes every process forget it.
      const current = await readCheckoutSession({ db, id, merchantId, now });
      if (current === undefined) return undefined;
      const payments = await listSessionPayments({ db, sessionIds: [id] });
      return { session: current, payments: payments.get(id) ?? [] };
    },
    async close() {
      isListening = false;
      forgetAll();
      await stopListening?.();
    },
  };
}

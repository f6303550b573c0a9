import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import { createPglitePreparedQuery } from './createPglitePreparedQuery.ts';
import type { PglitePreparedQuery } from './createPglitePreparedQuery.ts';
import { assertChannelName } from './assertChannelName.ts';
import type { Database, DatabaseListener, DatabaseSession } from './Database.ts';

export type OpenPgliteDatabaseParameters = {
  /** A directory to persist to (created if missing); `undefined` or `'memory://'` keeps it in memory. */
  dataDir?: string | undefined;
};

export type OpenPgliteDatabaseReturnType = Database;

const inMemory = 'memory://';

/** The embedded default: PostgreSQL compiled to WebAssembly, in this process. Starts in ~3.5 s. */
export async function openPgliteDatabase({
  dataDir,
}: OpenPgliteDatabaseParameters = {}): Promise<OpenPgliteDatabaseReturnType> {
  const isInMemory = dataDir === undefined || dataDir === inMemory;
  if (!isInMemory) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: isInMemory ? inMemory : dataDir,
    // PGlite returns small int8 values as number and large ones as bigint; money needs one type.
    parsers: { [types.INT8]: (value: string) => BigInt(value) },
  });
  const preparedQuery = createPglitePreparedQuery({ pglite });
  let isClosed = false;
  return {
    kind: 'pglite',
    ...toSession(pglite, preparedQuery),
    transaction: (fn) =>
      pglite.transaction((transaction) => fn(toSession(transaction, preparedQuery))),
    listen: (channel, listener) => listen(pglite, channel, listener),
    async close() {
      if (isClosed) return;
      isClosed = true;
      await pglite.close();
    },
  };
}

function toSession(
  target: PGlite | Transaction,
  preparedQuery: PglitePreparedQuery,
): DatabaseSession {
  return {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- see Database.ts
    query<Row>(sql: string, params: readonly unknown[] = []) {
      return preparedQuery<Row>(target, sql, params);
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/*
 * One backend, in this process: PGlite hands each notification over (in a microtask) while it
 * reads the answer of the statement or COMMIT that sent it, so the listener hears it before
 * that statement resolves. Nothing can interrupt it once listening.
 */
function listen(pglite: PGlite, channel: string, listener: DatabaseListener): () => Promise<void> {
  assertChannelName(channel);
  let isStopped = false;
  const listening = pglite
    .listen(channel, (payload) => {
      if (!isStopped) listener.onNotification(payload);
    })
    .then((unlisten) => {
      if (!isStopped) listener.onResumed();
      return unlisten;
    });
  // A database closed before LISTEN ran stays interrupted; stop() has nothing to undo then.
  listening.catch(() => {});
  return async () => {
    if (isStopped) return;
    isStopped = true;
    const unlisten = await listening.catch(() => undefined);
    if (pglite.closed) return;
    await unlisten?.();
  };
}

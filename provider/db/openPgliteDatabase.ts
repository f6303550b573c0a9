import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import { createPglitePreparedQuery } from './createPglitePreparedQuery.ts';
import type { PglitePreparedQuery } from './createPglitePreparedQuery.ts';
import type { Database, DatabaseSession } from './Database.ts';

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

import pg from 'pg';
import type { PoolClient } from 'pg';
import { createPostgresListener } from './createPostgresListener.ts';
import type { Database, DatabaseSession } from './Database.ts';

export type OpenPostgresDatabaseParameters = {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /** Most connections this process holds; several API instances may share one server. */
  maxConnections?: number;
};

export type OpenPostgresDatabaseReturnType = Database;

/**
 * A PostgreSQL server through a `pg` pool. Connects lazily: a wrong URL or an unreachable server
 * shows on the first query (and on `/readyz`), not here.
 */
export function openPostgresDatabase({
  url,
  maxConnections = 10,
}: OpenPostgresDatabaseParameters): OpenPostgresDatabaseReturnType {
  const typeParsers = new pg.TypeOverrides();
  typeParsers.setTypeParser(pg.types.builtins.INT8, 'text', (value: string) => BigInt(value));
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    connectionTimeoutMillis: 5_000,
    // pg returns int8 as a string by default; PGlite is set up the same way (bigint).
    types: typeParsers,
  });
  // An idle connection that dies (server restart, network) is dropped by the pool and the next
  // query opens a new one; without a listener the 'error' event would crash the process.
  pool.on('error', () => {});
  const listener = createPostgresListener({
    createClient: () =>
      new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: 5_000,
        // A dead peer must show as an error (listeners are then told), not as silence.
        keepAlive: true,
        application_name: 'tp-provider-listener',
      }),
  });
  /** A pool connection that listens to what this process listens to (createPostgresListener). */
  async function borrow(): Promise<PoolClient> {
    const client = await pool.connect();
    try {
      await listener.prepareConnection(client);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    return client;
  }
  /** One statement on a borrowed connection; as `pool.query`, a failure drops the connection. */
  async function runOnPool<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    const client = await borrow();
    try {
      const { rows } = await client.query(sql, params === undefined ? undefined : [...params]);
      client.release();
      return rows as Row[];
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }
  let isClosed = false;
  return {
    kind: 'postgres',
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- see Database.ts
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return { rows: await runOnPool<Row>(sql, params) };
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple protocol, which runs several statements.
      await runOnPool(sql);
    },
    listen: (channel, onEvents) => listener.listen(channel, onEvents),
    async transaction(fn) {
      const client = await borrow();
      let isBroken = false;
      try {
        await client.query('begin');
        const result = await fn(toSession(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {
          isBroken = true;
        });
        throw error;
      } finally {
        // A connection that could not roll back is destroyed rather than reused mid-transaction.
        client.release(isBroken);
      }
    },
    async close() {
      if (isClosed) return;
      isClosed = true;
      await listener.close();
      await pool.end();
    },
  };
}

function toSession(target: PoolClient): DatabaseSession {
  return {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- see Database.ts
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const { rows } = await target.query(sql, [...params]);
      return { rows: rows as Row[] };
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple protocol, which runs several statements.
      await target.query(sql);
    },
  };
}

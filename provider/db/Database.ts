/**
 * What the provider needs from storage, whether PGlite (embedded, the default) or PostgreSQL.
 *
 * Both implementations parse `int8` columns as `bigint` (money never passes through `number`),
 * `numeric` as decimal strings, `timestamptz` as `Date` and `jsonb` as parsed JSON.
 */
export type DatabaseKind = 'pglite' | 'postgres';

/** Anything SQL can be sent to: the database itself, or one transaction on it. */
export type DatabaseSession = {
  /** One statement, `$1`-style parameters. `Row` is the caller's word for what it selected. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as in pg's own typings
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: Row[] }>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
};

export type Database = DatabaseSession & {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  transaction<Result>(fn: (session: DatabaseSession) => Promise<Result>): Promise<Result>;
  close(): Promise<void>;
};

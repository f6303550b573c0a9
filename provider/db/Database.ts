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

/** Told about `NOTIFY`s on one channel (see `Database.listen`). */
export type DatabaseListener = {
  /**
   * A `NOTIFY` on the channel, committed, from this process or another. The same one may be told
   * more than once (PostgreSQL delivers it on each listening connection): act idempotently.
   */
  onNotification(payload: string): void;
  /** Notifications may be missed from now until `onResumed` (the listening connection broke). */
  onInterrupted(): void;
  /** Listening (again): every notification committed from now on is told. */
  onResumed(): void;
};

export type Database = DatabaseSession & {
  readonly kind: DatabaseKind;
  /**
   * Listens to a channel (lowercase letters, digits and "_"). Starts interrupted: `onResumed`
   * says when listening began. A notification committed by this process is told before the
   * statement (or the transaction) that committed it resolves; one from another process as soon
   * as it arrives. Returns the function that stops listening. Absent on databases that cannot
   * listen (test doubles): callers then do without notifications.
   */
  listen?: (channel: string, listener: DatabaseListener) => () => Promise<void>;
  /** Runs `fn` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  transaction<Result>(fn: (session: DatabaseSession) => Promise<Result>): Promise<Result>;
  close(): Promise<void>;
};

import type { Database } from './Database.ts';
import { MigrationFailedError } from './errors.ts';
import { loadMigrations } from './loadMigrations.ts';
import type { LoadMigrationsErrorType, Migration } from './loadMigrations.ts';

export type MigrateParameters = {
  db: Database;
  /** Defaults to the files of `provider/db/migrations/`, in order. */
  migrations?: readonly Migration[];
};

export type MigrateReturnType = {
  /** Names of the migrations this call applied; empty when the schema was already current. */
  applied: string[];
};

export type MigrateErrorType = MigrationFailedError | LoadMigrationsErrorType;

/** An arbitrary constant, the same in every instance; advisory locks are per database. */
const migrationLockKey = '4815162342108';

/**
 * Applies the migrations not yet recorded in `schema_migrations`, all in one transaction.
 *
 * Several instances may start at once against one PostgreSQL: the transaction-scoped advisory
 * lock makes the others wait, and they then find every migration recorded and apply nothing.
 * A failure rolls the whole run back, so the schema is never left half-migrated.
 */
export async function migrate({ db, migrations }: MigrateParameters): Promise<MigrateReturnType> {
  const toApply = migrations ?? (await loadMigrations());
  return db.transaction(async (session) => {
    await session.query('select pg_advisory_xact_lock($1::bigint)', [migrationLockKey]);
    await session.exec(
      `create table if not exists schema_migrations (
         name text primary key,
         applied_at timestamptz not null default now()
       )`,
    );
    const { rows } = await session.query<{ name: string }>('select name from schema_migrations');
    const alreadyApplied = new Set(rows.map((row) => row.name));
    const applied: string[] = [];
    for (const migration of toApply) {
      if (alreadyApplied.has(migration.name)) continue;
      try {
        await session.exec(migration.sql);
      } catch (cause) {
        throw new MigrationFailedError({ migration: migration.name, cause });
      }
      await session.query('insert into schema_migrations (name) values ($1)', [migration.name]);
      applied.push(migration.name);
    }
    return { applied };
  });
}

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from './Database.ts';
import { MigrationFailedError } from './errors.ts';
import { loadMigrations } from './loadMigrations.ts';
import type { Migration } from './loadMigrations.ts';
import { migrate } from './migrate.ts';
import { testDatabases } from './testDatabases.ts';

describe.each(testDatabases())('migrate on $name', ({ open }) => {
  let db: Database;
  let shipped: Migration[];

  beforeAll(async () => {
    db = await open();
    shipped = await loadMigrations();
  });

  afterAll(async () => {
    await db.close();
  });

  async function recordedNames(): Promise<string[]> {
    const { rows } = await db.query<{ name: string }>(
      'select name from schema_migrations order by name',
    );
    return rows.map((row) => row.name);
  }

  async function tableExists(name: string): Promise<boolean> {
    const { rows } = await db.query<{ found: string | null }>('select to_regclass($1) as found', [
      name,
    ]);
    return rows[0]?.found != null;
  }

  test('applies every shipped migration in order and records each', async () => {
    const { applied } = await migrate({ db });
    expect(applied).toEqual(shipped.map((migration) => migration.name));
    expect(await recordedNames()).toEqual(shipped.map((migration) => migration.name));
  });

  test('creates the merchants table', async () => {
    await db.query(
      `insert into merchants (id, name, secret_key_hash, publishable_key, created_at)
       values ($1, $2, $3, $4, $5)`,
      ['mer_1', 'Demo Shop', 'hash', 'pk_test_1', new Date('2030-01-01T00:00:00Z')],
    );
    const { rows } = await db.query<{ created_at: Date }>(
      'select created_at from merchants where id = $1',
      ['mer_1'],
    );
    expect(rows[0]?.created_at.toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  test('applying again is a no-op', async () => {
    const before = await recordedNames();
    const { applied } = await migrate({ db });
    expect(applied).toEqual([]);
    expect(await recordedNames()).toEqual(before);
  });

  test('two instances migrating at once apply a new migration exactly once', async () => {
    const migrations = [
      ...shipped,
      {
        name: '9001_concurrency_probe.sql',
        // Slow enough that the second instance starts while the first is still migrating.
        sql: 'select pg_sleep(0.3); create table concurrency_probe (id int);',
      },
    ];
    const results = await Promise.all([migrate({ db, migrations }), migrate({ db, migrations })]);
    expect(results.flatMap((result) => result.applied)).toEqual(['9001_concurrency_probe.sql']);
    expect(await tableExists('concurrency_probe')).toBe(true);
  });

  test('a failing migration rolls the whole run back and names itself', async () => {
    const migrations = [
      ...shipped,
      { name: '9002_fine.sql', sql: 'create table rollback_probe (id int);' },
      { name: '9003_broken.sql', sql: 'create tabel oops (id int);' },
    ];
    const failure = await migrate({ db, migrations }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect((failure as MigrationFailedError).details).toMatchObject({
      migration: '9003_broken.sql',
    });
    expect(await tableExists('rollback_probe')).toBe(false);
    expect(await recordedNames()).not.toContain('9002_fine.sql');
  });
});

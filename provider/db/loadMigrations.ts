import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { InvalidMigrationNameError } from './errors.ts';

export type Migration = {
  /** The file name, e.g. `0001_merchants.sql`; recorded in `schema_migrations` once applied. */
  name: string;
  sql: string;
};

export type LoadMigrationsParameters = {
  /** Defaults to `provider/db/migrations/`. */
  directory?: string;
};

export type LoadMigrationsReturnType = Migration[];

export type LoadMigrationsErrorType = InvalidMigrationNameError;

const migrationName = /^(\d{4})_[a-z0-9_]+\.sql$/;

/** The `.sql` files of a directory, in the order of their 4-digit prefix. Never edit an applied one: add another. */
export async function loadMigrations({
  directory = fileURLToPath(new URL('./migrations/', import.meta.url)),
}: LoadMigrationsParameters = {}): Promise<LoadMigrationsReturnType> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort();
  const seenNumbers = new Set<string>();
  for (const name of names) {
    const number = migrationName.exec(name)?.[1];
    if (number === undefined) {
      throw new InvalidMigrationNameError({ migration: name, reason: 'expected NNNN_words.sql' });
    }
    if (seenNumbers.has(number)) {
      throw new InvalidMigrationNameError({ migration: name, reason: `number ${number} is taken` });
    }
    seenNumbers.add(number);
  }
  return Promise.all(
    names.map(async (name) => ({
      name,
      sql: await readFile(`${directory}/${name}`, 'utf8'),
    })),
  );
}

// Test support: the databases every storage test runs against. PGlite always; PostgreSQL too
// when TEST_DATABASE_URL is set (CI), each opening in a fresh schema dropped on close.
import { randomBytes } from 'node:crypto';
import type { Database } from './Database.ts';
import { openPgliteDatabase } from './openPgliteDatabase.ts';
import { openPostgresDatabase } from './openPostgresDatabase.ts';

export type TestDatabase = {
  name: string;
  open: () => Promise<Database>;
};

export function testDatabases(
  env: Readonly<Record<string, string | undefined>> = process.env,
): TestDatabase[] {
  const postgresUrl = env.TEST_DATABASE_URL;
  const pglite: TestDatabase = {
    name: 'PGlite (in memory)',
    open: () => openPgliteDatabase({ dataDir: undefined }),
  };
  if (postgresUrl === undefined || postgresUrl === '') return [pglite];
  return [
    pglite,
    { name: 'PostgreSQL (TEST_DATABASE_URL)', open: () => openInFreshSchema(postgresUrl) },
  ];
}

async function openInFreshSchema(url: string): Promise<Database> {
  const schema = `tp_test_${randomBytes(6).toString('hex')}`;
  const scopedUrl = new URL(url);
  scopedUrl.searchParams.set('options', `-c search_path=${schema}`);
  const db = openPostgresDatabase({ url: scopedUrl.toString() });
  await db.exec(`create schema ${schema}`);
  let isClosed = false;
  return {
    ...db,
    async close() {
      if (isClosed) return;
      isClosed = true;
      try {
        await db.exec(`drop schema ${schema} cascade`);
      } finally {
        await db.close();
      }
    },
  };
}

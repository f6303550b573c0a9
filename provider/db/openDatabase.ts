import type { Database } from './Database.ts';
import { UnsupportedDatabaseUrlError } from './errors.ts';
import { openPgliteDatabase } from './openPgliteDatabase.ts';
import { openPostgresDatabase } from './openPostgresDatabase.ts';

export type OpenDatabaseParameters = {
  /** `postgres://…` or `postgresql://…` selects a PostgreSQL server; absent or empty selects PGlite. */
  databaseUrl?: string | undefined;
  /** Where PGlite persists (`undefined` or `'memory://'`: in memory). Ignored for PostgreSQL. */
  dataDir?: string | undefined;
};

export type OpenDatabaseReturnType = Database;

export type OpenDatabaseErrorType = UnsupportedDatabaseUrlError;

export async function openDatabase({
  databaseUrl,
  dataDir,
}: OpenDatabaseParameters): Promise<OpenDatabaseReturnType> {
  if (databaseUrl === undefined || databaseUrl === '') return openPgliteDatabase({ dataDir });
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(databaseUrl)?.[1]?.toLowerCase() ?? '';
  if (scheme !== 'postgres' && scheme !== 'postgresql') {
    throw new UnsupportedDatabaseUrlError({ scheme });
  }
  return openPostgresDatabase({ url: databaseUrl });
}

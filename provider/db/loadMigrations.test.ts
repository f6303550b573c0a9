import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InvalidMigrationNameError } from './errors.ts';
import { loadMigrations } from './loadMigrations.ts';

describe('loadMigrations', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tp-migrations-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  test('ships 0001_merchants.sql first', async () => {
    const migrations = await loadMigrations();
    expect(migrations[0]?.name).toBe('0001_merchants.sql');
    expect(migrations[0]?.sql).toContain('create table merchants');
  });

  test('orders files by their number, ignoring other files', async () => {
    await writeFile(join(directory, '0002_second.sql'), 'select 2;');
    await writeFile(join(directory, '0001_first.sql'), 'select 1;');
    await writeFile(join(directory, 'README.md'), 'notes');
    const migrations = await loadMigrations({ directory });
    expect(migrations).toEqual([
      { name: '0001_first.sql', sql: 'select 1;' },
      { name: '0002_second.sql', sql: 'select 2;' },
    ]);
  });

  test('refuses a misnamed migration', async () => {
    await writeFile(join(directory, '1_first.sql'), 'select 1;');
    await expect(loadMigrations({ directory })).rejects.toBeInstanceOf(InvalidMigrationNameError);
  });

  test('refuses two migrations with one number', async () => {
    await writeFile(join(directory, '0001_first.sql'), 'select 1;');
    await writeFile(join(directory, '0001_other.sql'), 'select 1;');
    await expect(loadMigrations({ directory })).rejects.toThrow(/number 0001 is taken/);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../db/Database.ts';
import { migrate } from '../db/migrate.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { findMerchantByKey } from './findMerchantByKey.ts';
import { publishableKeyPattern, secretKeyPattern } from './merchantKeys.ts';
import { runMerchantCommand } from './runMerchantCommand.ts';

describe.each(testDatabases())('runMerchantCommand on $name', ({ open }) => {
  let db: Database;
  let opened = 0;
  const run = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const exitCode = await runMerchantCommand({
      args,
      database: () => {
        opened += 1;
        return Promise.resolve(db);
      },
      now: () => new Date('2026-01-31T12:00:00.000Z'),
      write: (text) => (stdout += text),
      writeError: (text) => (stderr += text),
    });
    return { exitCode, stdout, stderr };
  };

  beforeAll(async () => {
    db = await open();
    await migrate({ db });
  });

  afterAll(async () => {
    await db.close();
  });

  test('`create --name … --json` prints keys that authenticate as that merchant', async () => {
    const { exitCode, stdout } = await run(['create', '--name', 'Corner shop', '--json']);
    expect(exitCode).toBe(0);
    const printed = JSON.parse(stdout) as {
      id: string;
      name: string;
      secretKey: string;
      publishableKey: string;
    };
    expect(printed.name).toBe('Corner shop');
    expect(printed.secretKey).toMatch(secretKeyPattern);
    expect(printed.publishableKey).toMatch(publishableKeyPattern);
    expect(await findMerchantByKey({ db, key: printed.secretKey })).toMatchObject({
      id: printed.id,
      keyKind: 'secret',
    });
  });

  test('stores the secret key only as its hash', async () => {
    const { stdout } = await run(['create', '--name', 'Hash check', '--json']);
    const { secretKey } = JSON.parse(stdout) as { secretKey: string };
    const { rows } = await db.query<{ found: bigint }>(
      `select count(*) as found from merchants
       where secret_key_hash = $1 or publishable_key = $1 or name = $1`,
      [secretKey],
    );
    expect(rows[0]?.found).toBe(0n);
  });

  test('prints the keys for people without --json', async () => {
    const { exitCode, stdout } = await run(['create', '--name', 'Plain']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/secret key {7}sk_[0-9a-f]{64}\n/);
    expect(stdout).toMatch(/publishable key {2}pk_[0-9a-f]{32}\n/);
  });

  test.each([
    [[]],
    [['create']],
    [['delete', '--name', 'x']],
    [['create', '--name', 'x', 'extra']],
  ])('answers %j with the usage on stderr, exit 2, without opening the database', async (args) => {
    const before = opened;
    const { exitCode, stdout, stderr } = await run(args);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('merchant create --name');
    expect(opened).toBe(before);
  });

  test('refuses an empty or control-character name', async () => {
    await expect(run(['create', '--name', '  '])).rejects.toThrow('1 to 100 printable');
    await expect(run(['create', '--name', 'a\u0007b'])).rejects.toThrow('1 to 100 printable');
  });
});

import { PGlite, types } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPglitePreparedQuery } from './createPglitePreparedQuery.ts';
import type { PglitePreparedQuery } from './createPglitePreparedQuery.ts';

describe('createPglitePreparedQuery', () => {
  let pglite: PGlite;
  let query: PglitePreparedQuery;

  beforeAll(async () => {
    pglite = await PGlite.create({
      dataDir: 'memory://',
      parsers: { [types.INT8]: (value: string) => BigInt(value) },
    });
    query = createPglitePreparedQuery({ pglite, maxStatements: 3 });
    await pglite.exec(`create table items (
      id text primary key, amount bigint, price numeric, seen_at timestamptz, data jsonb,
      note text, flag boolean)`);
  });

  afterAll(async () => {
    await pglite.close();
  });

  test('gives the same rows and types as PGlite’s own query()', async () => {
    const params = [
      'a',
      9223372036854775807n,
      '12.50',
      new Date('2026-01-31T12:00:00.000Z'),
      JSON.stringify({ nested: [1, 'two'] }),
      null,
      true,
    ];
    await query(pglite, 'insert into items values ($1, $2, $3, $4, $5, $6, $7)', params);
    const sql = 'select * from items where id = $1';
    const mine = await query(pglite, sql, ['a']);
    const theirs = await pglite.query(sql, ['a']);
    expect(mine.rows).toEqual(theirs.rows);
    expect(mine.rows[0]).toEqual({
      id: 'a',
      amount: 9223372036854775807n,
      price: '12.50',
      seen_at: new Date('2026-01-31T12:00:00.000Z'),
      data: { nested: [1, 'two'] },
      note: null,
      flag: true,
    });
  });

  test('throws Postgres’s own error, and the next query works', async () => {
    const insert = 'insert into items (id) values ($1)';
    await query(pglite, insert, ['dup']);
    await expect(query(pglite, insert, ['dup'])).rejects.toMatchObject({ code: '23505' });
    await expect(query(pglite, 'select nonsense from', [])).rejects.toMatchObject({
      code: '42601',
    });
    expect((await query(pglite, 'select 1 as one', [])).rows).toEqual([{ one: 1 }]);
  });

  test('runs inside a transaction, and a rollback undoes it', async () => {
    await expect(
      pglite.transaction(async (transaction) => {
        await query(transaction, 'insert into items (id) values ($1)', ['rolled-back']);
        const inside = await query(transaction, 'select id from items where id = $1', [
          'rolled-back',
        ]);
        expect(inside.rows).toHaveLength(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    const after = await query(pglite, 'select id from items where id = $1', ['rolled-back']);
    expect(after.rows).toEqual([]);
  });

  test('prepares again when the schema changes under a statement', async () => {
    await pglite.exec(`create table shapes (id text)`);
    await query(pglite, 'insert into shapes values ($1)', ['s']);
    expect((await query(pglite, 'select * from shapes', [])).rows).toEqual([{ id: 's' }]);
    await pglite.exec(`alter table shapes add column sides int default 3`);
    expect((await query(pglite, 'select * from shapes', [])).rows).toEqual([{ id: 's', sides: 3 }]);
  });

  test('keeps a bounded number of statements and still answers every one', async () => {
    for (let round = 0; round < 2; round++) {
      for (let index = 0; index < 6; index++) {
        const { rows } = await query<{ value: number }>(
          pglite,
          `select $1::int + ${index} as value`,
          [10],
        );
        expect(rows).toEqual([{ value: 10 + index }]);
      }
    }
  });
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPostgresListener } from './createPostgresListener.ts';
import type { DatabaseListener } from './Database.ts';
import { InvalidChannelNameError } from './errors.ts';

type Recorder = { events: string[]; listener: DatabaseListener };

function recorder(): Recorder {
  const events: string[] = [];
  return {
    events,
    listener: {
      onNotification: (payload) => events.push(payload),
      onInterrupted: () => events.push('(interrupted)'),
      onResumed: () => events.push('(resumed)'),
    },
  };
}

async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const channelOf = () => `tp_test_${randomBytes(4).toString('hex')}`;

describe('createPostgresListener without a server', () => {
  test('refuses a channel that is not a plain lowercase name', () => {
    const listener = createPostgresListener({
      createClient: () => new pg.Client({ host: '127.0.0.1', port: 1 }),
    });
    expect(() => listener.listen('drop table x;', recorder().listener)).toThrow(
      InvalidChannelNameError,
    );
  });

  test('stays interrupted while the server is unreachable, and keeps trying', async () => {
    let attempts = 0;
    const listener = createPostgresListener({
      createClient: () => {
        attempts++;
        return new pg.Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 500 });
      },
      retryDelaysMs: [5],
    });
    const { events, listener: told } = recorder();
    const stop = listener.listen(channelOf(), told);
    await until(() => attempts >= 3);
    expect(events).toEqual([]);
    await stop();
    await listener.close();
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;
const servers = postgresUrl === undefined || postgresUrl === '' ? [] : [postgresUrl];

describe.each(servers)('createPostgresListener on PostgreSQL', (url) => {
  let sender: pg.Client;
  const createClient = () =>
    new pg.Client({ connectionString: url, application_name: 'tp-provider-listener' });

  beforeAll(async () => {
    sender = new pg.Client({ connectionString: url });
    await sender.connect();
  });

  afterAll(async () => {
    await sender.end();
  });

  test("hears another process's notifications once resumed", async () => {
    const channel = channelOf();
    const listener = createPostgresListener({ createClient });
    const { events, listener: told } = recorder();
    const stop = listener.listen(channel, told);
    await until(() => events.includes('(resumed)'));
    await sender.query('select pg_notify($1, $2)', [channel, 'cs_1']);
    await until(() => events.includes('cs_1'));
    expect(events).toEqual(['(resumed)', 'cs_1']);
    await stop();
    await listener.close();
  });

  test('tells interrupted when its connection is cut, then resumed once it listens again', async () => {
    const channel = channelOf();
    const listener = createPostgresListener({ createClient, retryDelaysMs: [20] });
    const { events, listener: told } = recorder();
    const stop = listener.listen(channel, told);
    await until(() => events.includes('(resumed)'));
    const { rows } = await sender.query<{ cut: boolean }>(
      `select pg_terminate_backend(pid) as cut from pg_stat_activity
       where application_name = 'tp-provider-listener' and query = $1`,
      [`listen ${channel}`],
    );
    expect(rows).toEqual([{ cut: true }]);
    await until(() => events.filter((event) => event === '(resumed)').length === 2);
    expect(events).toEqual(['(resumed)', '(interrupted)', '(resumed)']);
    await sender.query('select pg_notify($1, $2)', [channel, 'after']);
    await until(() => events.includes('after'));
    await stop();
    await listener.close();
  });

  test('holds no connection once nobody listens', async () => {
    const channel = channelOf();
    const listener = createPostgresListener({ createClient });
    const first = recorder();
    const second = recorder();
    const stopFirst = listener.listen(channel, first.listener);
    const stopSecond = listener.listen(channel, second.listener);
    await until(() => first.events.includes('(resumed)') && second.events.includes('(resumed)'));
    const connections = async () =>
      (
        await sender.query(
          `select 1 from pg_stat_activity
           where application_name = 'tp-provider-listener' and query = $1`,
          [`listen ${channel}`],
        )
      ).rowCount;
    await stopFirst();
    expect(await connections()).toBe(1);
    await stopSecond();
    // The server forgets a closed connection a moment after the client ends it.
    await until(async () => (await connections()) === 0);
    await listener.close();
  });
});

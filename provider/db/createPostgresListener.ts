import type pg from 'pg';
import { assertChannelName } from './assertChannelName.ts';
import type { DatabaseListener } from './Database.ts';

export type CreatePostgresListenerParameters = {
  /** A new, unconnected client for the dedicated listening connection. */
  createClient: () => pg.Client;
  /** Waits before each reconnection attempt of the dedicated connection; the last repeats. */
  retryDelaysMs?: readonly number[];
};

export type PostgresListener = {
  listen(channel: string, listener: DatabaseListener): () => Promise<void>;
  /**
   * Makes a pool connection LISTEN to every channel listened to, before its borrower's first
   * statement; undefined when it already does (no wait).
   */
  prepareConnection(client: pg.ClientBase): Promise<void> | undefined;
  /** Ends the dedicated connection; no listener is told anything after. */
  close(): Promise<void>;
};

export type CreatePostgresListenerReturnType = PostgresListener;

/*
 * Why two kinds of connection listen:
 * - One dedicated connection, always idle, hears what every process commits, at once. When it
 *   breaks, the listeners are told (`onInterrupted`: they must forget what notifications would
 *   have invalidated) and it reconnects; `onResumed` once it listens again.
 * - Every pool connection also runs LISTEN (at checkout, before the borrower's first
 *   statement: `prepareConnection`). PostgreSQL sends a connection its own notifications before the ReadyForQuery
 *   that ends the committing statement, so this process hears what it commits itself before
 *   that statement resolves: a write here is never followed by a stale read here.
 */

/** LISTEN for `openPostgresDatabase`. */
export function createPostgresListener({
  createClient,
  retryDelaysMs = [250, 1_000, 5_000],
}: CreatePostgresListenerParameters): CreatePostgresListenerReturnType {
  const listeners = new Map<string, Set<DatabaseListener>>();
  const channelsOfPooled = new WeakMap<pg.ClientBase, Set<string>>();
  /** Connecting, then LISTENing to every channel: not yet heard from by the listeners. */
  let connecting: pg.Client | undefined;
  /** Listening: its listeners have been told `onResumed`. */
  let dedicated: pg.Client | undefined;
  /** Channels the dedicated connection LISTENs to. */
  let listenedChannels = new Set<string>();
  let isClosed = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  function dispatch(message: pg.Notification): void {
    const forChannel = listeners.get(message.channel);
    if (forChannel === undefined) return;
    for (const listener of [...forChannel]) listener.onNotification(message.payload ?? '');
  }

  function connectDedicated(): void {
    if (isClosed || connecting !== undefined || dedicated !== undefined) return;
    if (listeners.size === 0) return;
    const client = createClient();
    connecting = client;
    client.on('notification', dispatch);
    client.on('error', () => {
      lose(client);
    });
    client.on('end', () => {
      lose(client);
    });
    void (async () => {
      const listened = new Set<string>();
      try {
        await client.connect();
        // Channels added while this runs are picked up by the next turn of the loop.
        for (;;) {
          const missing = [...listeners.keys()].filter((channel) => !listened.has(channel));
          if (missing.length === 0) break;
          for (const channel of missing) {
            await client.query(`listen ${channel}`);
            listened.add(channel);
          }
        }
      } catch {
        lose(client);
        return;
      }
      if (connecting !== client) return;
      connecting = undefined;
      dedicated = client;
      listenedChannels = listened;
      failures = 0;
      for (const channel of listened) {
        for (const listener of listeners.get(channel) ?? []) listener.onResumed();
      }
    })();
  }

  /** The dedicated connection broke (or never came up): interrupted until it listens again. */
  function lose(client: pg.Client): void {
    const wasListening = client === dedicated;
    if (!wasListening && client !== connecting) return;
    connecting = undefined;
    dedicated = undefined;
    listenedChannels = new Set();
    void forget(client);
    if (wasListening) {
      for (const forChannel of listeners.values()) {
        for (const listener of forChannel) listener.onInterrupted();
      }
    }
    if (isClosed || retryTimer !== undefined || listeners.size === 0) return;
    const delayMs = retryDelaysMs[Math.min(failures, retryDelaysMs.length - 1)] ?? 1_000;
    failures++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connectDedicated();
    }, delayMs);
    retryTimer.unref();
  }

  /** Ends a connection no longer ours, quietly. */
  async function forget(client: pg.Client | undefined): Promise<void> {
    if (client === undefined) return;
    client.removeAllListeners('notification');
    client.removeAllListeners('end');
    client.removeAllListeners('error');
    client.on('error', () => {});
    await client.end().catch(() => {});
  }

  /** Nobody listens any more (or the database closes): no connection is held for nothing. */
  async function disconnect(): Promise<void> {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    const clients = [connecting, dedicated];
    connecting = undefined;
    dedicated = undefined;
    listenedChannels = new Set();
    await Promise.all(clients.map(forget));
  }

  async function listenOnPooled(client: pg.ClientBase, missing: readonly string[]): Promise<void> {
    let channels = channelsOfPooled.get(client);
    if (channels === undefined) {
      channels = new Set();
      channelsOfPooled.set(client, channels);
      client.on('notification', dispatch);
    }
    for (const channel of missing) {
      await client.query(`listen ${channel}`);
      channels.add(channel);
    }
  }

  return {
    prepareConnection(client) {
      const channels = channelsOfPooled.get(client);
      if (channels !== undefined && channels.size >= listeners.size) {
        let isComplete = true;
        for (const channel of listeners.keys()) {
          if (!channels.has(channel)) {
            isComplete = false;
            break;
          }
        }
        if (isComplete) return undefined;
      }
      if (channels === undefined && listeners.size === 0) return undefined;
      const missing = [...listeners.keys()].filter((channel) => channels?.has(channel) !== true);
      return listenOnPooled(client, missing);
    },
    listen(channel, listener) {
      assertChannelName(channel);
      if (isClosed) throw new Error('the database is closed');
      let forChannel = listeners.get(channel);
      const isNewChannel = forChannel === undefined;
      if (forChannel === undefined) {
        forChannel = new Set();
        listeners.set(channel, forChannel);
      }
      forChannel.add(listener);
      const client = dedicated;
      if (client === undefined) {
        connectDedicated();
      } else if (!isNewChannel && listenedChannels.has(channel)) {
        queueMicrotask(() => {
          if (dedicated === client && listeners.get(channel)?.has(listener) === true) {
            listener.onResumed();
          }
        });
      } else if (isNewChannel) {
        client.query(`listen ${channel}`).then(
          () => {
            if (dedicated !== client) return;
            listenedChannels.add(channel);
            for (const each of listeners.get(channel) ?? []) each.onResumed();
          },
          () => {
            lose(client);
          },
        );
      }
      let isStopped = false;
      return async () => {
        if (isStopped) return;
        isStopped = true;
        const remaining = listeners.get(channel);
        remaining?.delete(listener);
        if (remaining?.size !== 0) return;
        listeners.delete(channel);
        if (listeners.size === 0) await disconnect();
      };
    },
    async close() {
      isClosed = true;
      listeners.clear();
      await disconnect();
    },
  };
}

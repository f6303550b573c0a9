import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PortInUseError } from './errors.ts';
import { serve } from './serve.ts';

describe('serve', () => {
  let dataDir: string;
  let occupier: Server;
  let occupiedPort: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tp-serve-'));
    occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    const address = occupier.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    occupiedPort = address.port;
  });

  afterAll(async () => {
    await new Promise((resolve) => occupier.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  test('refuses a port in use before touching the data directory', async () => {
    const config = {
      host: '127.0.0.1',
      port: occupiedPort,
      dataDir,
      databaseUrl: undefined,
      ratesMode: 'local' as const,
      chains: [],
      chainPollIntervalMs: 1_000,
      webhookDispatchIntervalMs: 1_000,
      allowInsecureWebhookUrls: false,
      forgetChainHistory: [],
      metricsToken: undefined,
    };
    const failure = await serve({ config }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PortInUseError);
    expect((failure as PortInUseError).shortMessage).toBe(
      `port ${occupiedPort} is in use — is another TP Pay stack running?`,
    );
    expect(await readdir(dataDir)).toEqual([]);
  });

  test('migrates, listens on a free port and closes cleanly', async () => {
    const config = {
      host: '127.0.0.1',
      port: 0,
      dataDir,
      databaseUrl: undefined,
      ratesMode: 'local' as const,
      chains: [],
      chainPollIntervalMs: 1_000,
      webhookDispatchIntervalMs: 1_000,
      allowInsecureWebhookUrls: false,
      forgetChainHistory: [],
      metricsToken: undefined,
    };
    const running = await serve({ config });
    try {
      const response = await fetch(`${running.url}/readyz`);
      expect(response.status).toBe(200);
      const { rows } = await running.db.query('select name from schema_migrations');
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await running.close();
    }
    // PGlite and every migration start here: over 30 s has been seen on a loaded machine.
  }, 90_000);
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { devStackProviderEnv } from '../scripts/stack/devStackProviderEnv.ts';
import { readConfig } from './config/readConfig.ts';
import { loadOnrampSettings } from './onramp/loadOnrampSettings.ts';
import { serve } from './serve.ts';

// Dev account 9 of the public Hardhat mnemonic: a public test key (no chain is reached here).
const fundingKey = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6';

describe('serve with the on-ramp settings', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tp-serve-onramp-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string>) => {
    const config = readConfig({ PROVIDER_PORT: '0', DATA_DIR: dataDir });
    return serve({ config, onramp: await loadOnrampSettings({ env }) });
  };

  test('the dev stack settings serve the sandbox page and run the order sweeper', async () => {
    const env = devStackProviderEnv({
      chainId: 31337,
      rpcUrl: 'http://127.0.0.1:9',
      onrampFundingKey: fundingKey,
    });
    const running = await start(env);
    try {
      expect(running.onrampExpirySweeper).toBeDefined();
      // The sandbox's own route answers (a page for an unknown order), not the API's 404.
      const page = await fetch(
        `${running.url}/onramp/sandbox/oro_ffffffffffffffffffffffffffffffff`,
      );
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const asset = await fetch(`${running.url}/onramp/sandbox/assets/sandbox.js`);
      expect(asset.status).toBe(200);
    } finally {
      await running.close();
    }
  });

  test('without on-ramp settings, there is no sandbox and no sweeper', async () => {
    const running = await start({});
    try {
      expect(running.onrampExpirySweeper).toBeUndefined();
      const page = await fetch(`${running.url}/onramp/sandbox/assets/sandbox.js`);
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    } finally {
      await running.close();
    }
  });
});

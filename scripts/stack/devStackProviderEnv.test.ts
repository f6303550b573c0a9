import { describe, expect, it } from 'vitest';
import { loadOnrampSettings } from '../../provider/onramp/loadOnrampSettings.ts';
import { readConfig } from '../../provider/config/readConfig.ts';
import { devStackProviderEnv } from './devStackProviderEnv.ts';

// Dev account 9 of the public Hardhat mnemonic: a public test key.
const fundingKey = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6';

describe('devStackProviderEnv', () => {
  it('watches the dev chain; without a funding key there is no on-ramp', async () => {
    const env = devStackProviderEnv({ chainId: 31337, rpcUrl: 'http://127.0.0.1:8545' });
    expect(readConfig(env).chains).toEqual([
      { chainId: 31337, rpcUrls: ['ws://127.0.0.1:8545'], confirmations: 1 },
    ]);
    expect(await loadOnrampSettings({ env })).toBeUndefined();
  });

  it('with a funding key, sets up the sandbox on-ramp under the example compliance policy', async () => {
    const env = devStackProviderEnv({
      chainId: 31337,
      rpcUrl: 'http://127.0.0.1:8545',
      onrampFundingKey: fundingKey,
    });
    expect(env).toMatchObject({
      ONRAMP_SANDBOX_RPC_URL: 'http://127.0.0.1:8545',
      ONRAMP_SANDBOX_FUNDING_KEY: fundingKey,
    });
    // The names are the ones loadOnrampSettings reads, from any working directory.
    const settings = await loadOnrampSettings({ env, cwd: '/' });
    expect(settings?.adapters.map(({ id }) => id)).toEqual(['sandbox']);
    expect(settings?.compliance.regions.map(({ name }) => name)).toEqual(['eu', 'rest-of-world']);
  });
});

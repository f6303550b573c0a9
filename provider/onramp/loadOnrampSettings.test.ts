import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DevKeyOnForeignChainError, InvalidOnrampConfigError } from './errors.ts';
import { loadOnrampSettings } from './loadOnrampSettings.ts';

const hardhatKey0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const examplePath = fileURLToPath(new URL('./example-onramp.json', import.meta.url));
const secrets = {
  MOONPAY_SECRET_KEY: 'sk_test_x',
  MOONPAY_WEBHOOK_KEY: 'wk_test_x',
  TRANSAK_API_SECRET: 'transak-secret',
};

describe('loadOnrampSettings', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tp-onramp-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });
  const withFile = async (json: unknown) => {
    const path = join(directory, `config-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(path, JSON.stringify(json));
    return path;
  };

  test('nothing set: no on-ramp', async () => {
    expect(await loadOnrampSettings({ env: {} })).toBeUndefined();
  });

  test('the dev stack: the sandbox from three variables, no compliance file needed', async () => {
    const settings = await loadOnrampSettings({
      env: {
        ONRAMP_SANDBOX_RPC_URL: 'http://127.0.0.1:8545',
        ONRAMP_SANDBOX_FUNDING_KEY: hardhatKey0,
      },
    });
    expect(settings?.adapters.map(({ id }) => id)).toEqual(['sandbox']);
    expect(settings?.compliance.regions).toHaveLength(1);
  });

  test('the public Hardhat key on another chain stops the provider', async () => {
    await expect(
      loadOnrampSettings({
        env: {
          ONRAMP_SANDBOX_RPC_URL: 'http://127.0.0.1:8545',
          ONRAMP_SANDBOX_FUNDING_KEY: hardhatKey0,
          ONRAMP_SANDBOX_CHAIN_ID: '1',
        },
      }),
    ).rejects.toThrow(DevKeyOnForeignChainError);
  });

  test('the example file: MoonPay and Transak with secrets from the environment', async () => {
    const settings = await loadOnrampSettings({
      env: { ONRAMP_CONFIG_FILE: examplePath, ...secrets },
    });
    expect(settings?.adapters.map(({ id }) => id)).toEqual(['moonpay', 'transak']);
    expect(settings?.publicUrl).toBe('https://pay.example.com');
    expect(settings?.adapters[0]?.fees).toEqual({
      adapterFeeBasisPoints: 450,
      networkFeeWei: { '1': 1_300_000_000_000_000n },
    });
    expect(settings?.compliance.regions.map(({ name }) => name)).toEqual(['eu', 'rest-of-world']);
  });

  test('a secret named but missing from the environment names the variable', async () => {
    const loading = loadOnrampSettings({
      env: { ONRAMP_CONFIG_FILE: examplePath, ...secrets, MOONPAY_WEBHOOK_KEY: '' },
    });
    await expect(loading).rejects.toThrow(/MOONPAY_WEBHOOK_KEY/);
  });

  test('a secret written into the file is refused', async () => {
    const path = await withFile({
      compliance: fileURLToPath(new URL('./compliance/example-compliance.json', import.meta.url)),
      adapters: [
        {
          type: 'moonpay',
          environment: 'sandbox',
          publishableKey: 'pk_test_x',
          secretKey: 'sk_test_in_the_file',
          webhookKey: { env: 'MOONPAY_WEBHOOK_KEY' },
          currencyCodes: { '1:USDC': 'usdc' },
          fiatCurrencies: ['USD'],
          fees: { adapterFeeBasisPoints: 450 },
        },
      ],
    });
    await expect(
      loadOnrampSettings({ env: { ONRAMP_CONFIG_FILE: path, ...secrets } }),
    ).rejects.toThrow(/adapters\[0\]\.secretKey/);
  });

  test('a real on-ramp without a compliance policy is refused', async () => {
    const path = await withFile({
      adapters: [
        {
          type: 'transak',
          environment: 'staging',
          apiKey: 'k',
          accessToken: { env: 'TRANSAK_TOKEN' },
          referrerDomain: 'shop.example',
          assets: { '1:USDC': { cryptoCurrencyCode: 'USDC', network: 'ethereum' } },
          fiatCurrencies: ['EUR'],
          fees: { adapterFeeBasisPoints: 199 },
        },
      ],
    });
    await expect(
      loadOnrampSettings({ env: { ONRAMP_CONFIG_FILE: path, TRANSAK_TOKEN: 't' } }),
    ).rejects.toThrow(/ONRAMP_COMPLIANCE_FILE/);
  });

  const broken: [string, unknown, RegExp][] = [
    ['an unknown adapter type', { adapters: [{ type: 'paypal' }] }, /adapters\[0\]\.type/],
    ['an unknown top-level field', { adapters: [], adaptors: [] }, /adaptors/],
    [
      'a fee of 60 %',
      {
        adapters: [
          {
            type: 'sandbox',
            rpcUrl: 'http://127.0.0.1:8545',
            fundingKey: { env: 'KEY' },
            fees: { adapterFeeBasisPoints: 6000 },
          },
        ],
      },
      /adapterFeeBasisPoints/,
    ],
    [
      'a bad asset key',
      {
        adapters: [
          {
            type: 'moonpay',
            environment: 'sandbox',
            publishableKey: 'pk',
            secretKey: { env: 'MOONPAY_SECRET_KEY' },
            webhookKey: { env: 'MOONPAY_WEBHOOK_KEY' },
            currencyCodes: { USDC: 'usdc' },
            fiatCurrencies: ['USD'],
            fees: { adapterFeeBasisPoints: 1 },
          },
        ],
      },
      /currencyCodes\.USDC/,
    ],
  ];
  for (const [name, json, message] of broken) {
    test(`refuses ${name}`, async () => {
      const path = await withFile(json);
      const loading = loadOnrampSettings({
        env: { ONRAMP_CONFIG_FILE: path, KEY: hardhatKey0, ...secrets },
      });
      await expect(loading).rejects.toThrow(InvalidOnrampConfigError);
      await expect(
        loadOnrampSettings({ env: { ONRAMP_CONFIG_FILE: path, KEY: hardhatKey0, ...secrets } }),
      ).rejects.toThrow(message);
    });
  }
});

import { describe, expect, test } from 'vitest';
import { InvalidConfigError } from './errors.ts';
import { readConfig } from './readConfig.ts';

describe('readConfig', () => {
  test('defaults to 127.0.0.1:8787, .data under cwd and PGlite', () => {
    expect(readConfig({}, { cwd: '/srv/tp' })).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/tp/.data',
      databaseUrl: undefined,
      ratesMode: 'local',
      chains: [],
      chainPollIntervalMs: 1000,
      webhookDispatchIntervalMs: 1000,
      allowInsecureWebhookUrls: false,
      forgetChainHistory: [],
      metricsToken: undefined,
    });
  });

  test('reads METRICS_TOKEN, an empty one counting as unset', () => {
    expect(readConfig({ METRICS_TOKEN: 's3cret' }).metricsToken).toBe('s3cret');
    expect(readConfig({ METRICS_TOKEN: '  ' }).metricsToken).toBeUndefined();
  });

  test('reads every setting from the environment', () => {
    const config = readConfig(
      {
        PROVIDER_PORT: '9000',
        PROVIDER_HOST: '0.0.0.0',
        DATA_DIR: '/var/lib/tp',
        DATABASE_URL: 'postgres://tp@db:5432/tp',
        RATES_MODE: 'live',
        CHAIN_RPC_URLS_8453: 'https://base.example/v1/KEY, wss://other.example/ws',
        CONFIRMATIONS_8453: '20',
        CHAIN_RPC_URLS_31337: 'ws://127.0.0.1:8545',
        CHAIN_POLL_INTERVAL_MS: '250',
        WEBHOOK_DISPATCH_INTERVAL_MS: '100',
        ALLOW_INSECURE_WEBHOOK_URLS: 'true',
        FORGET_CHAIN_HISTORY: '31337, 31338',
      },
      { cwd: '/srv/tp' },
    );
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/tp',
      databaseUrl: 'postgres://tp@db:5432/tp',
      ratesMode: 'live',
      chains: [
        {
          chainId: 8453,
          rpcUrls: ['https://base.example/v1/KEY', 'wss://other.example/ws'],
          confirmations: 20,
        },
        { chainId: 31337, rpcUrls: ['ws://127.0.0.1:8545'], confirmations: 1 },
      ],
      chainPollIntervalMs: 250,
      webhookDispatchIntervalMs: 100,
      allowInsecureWebhookUrls: true,
      forgetChainHistory: [31337, 31338],
    });
  });

  test('waits 12 confirmations on a chain other than the dev chain unless told', () => {
    const config = readConfig({ CHAIN_RPC_URLS_1: 'https://eth.example' });
    expect(config.chains).toEqual([
      { chainId: 1, rpcUrls: ['https://eth.example'], confirmations: 12 },
    ]);
  });

  test.each<[string, Record<string, string>, string]>([
    [
      'a chain id that is not a number',
      { CHAIN_RPC_URLS_mainnet: 'https://eth.example' },
      'CHAIN_RPC_URLS_mainnet="…" is not valid: expected a decimal chain id',
    ],
    [
      'a chain id with a leading zero',
      { CHAIN_RPC_URLS_01: 'https://eth.example' },
      'CHAIN_RPC_URLS_01="…" is not valid',
    ],
    [
      'an RPC URL of another scheme',
      { CHAIN_RPC_URLS_1: 'ftp://eth.example/KEY' },
      'CHAIN_RPC_URLS_1="ftp://eth.example" is not valid: expected comma-separated http://',
    ],
    [
      'an empty entry in the list',
      { CHAIN_RPC_URLS_1: 'https://a.example,,https://b.example' },
      'CHAIN_RPC_URLS_1="(empty)" is not valid',
    ],
    [
      'the same URL twice',
      { CHAIN_RPC_URLS_1: 'https://a.example/KEY,https://a.example/KEY' },
      'expected distinct URLs',
    ],
    [
      'zero confirmations',
      { CHAIN_RPC_URLS_1: 'https://a.example', CONFIRMATIONS_1: '0' },
      'CONFIRMATIONS_1="0" is not valid: expected a whole number of blocks from 1 to 10000',
    ],
    [
      'confirmations for a chain without RPC URLs',
      { CONFIRMATIONS_10: '5' },
      'CONFIRMATIONS_10="5" is not valid: expected CHAIN_RPC_URLS_10 to be set too',
    ],
    [
      'a poll interval below 10 ms',
      { CHAIN_POLL_INTERVAL_MS: '5' },
      'CHAIN_POLL_INTERVAL_MS="5" is not valid: expected a whole number of milliseconds',
    ],
    [
      'a dispatch interval that is not a number',
      { WEBHOOK_DISPATCH_INTERVAL_MS: '1s' },
      'WEBHOOK_DISPATCH_INTERVAL_MS="1s" is not valid',
    ],
    [
      'a chain id to forget that is not one',
      { FORGET_CHAIN_HISTORY: '31337,dev' },
      'FORGET_CHAIN_HISTORY="31337,dev" is not valid: expected comma-separated decimal chain ids',
    ],
    [
      'ALLOW_INSECURE_WEBHOOK_URLS other than true or false',
      { ALLOW_INSECURE_WEBHOOK_URLS: 'yes' },
      'ALLOW_INSECURE_WEBHOOK_URLS="yes" is not valid: expected true or false',
    ],
  ])('rejects %s with a clear message', (_name, env, message) => {
    expect(() => readConfig(env)).toThrow(InvalidConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });

  test('never echoes the path or query of an RPC URL, where API keys live', () => {
    const read = (): unknown => readConfig({ CHAIN_RPC_URLS_1: 'gopher://eth.example/v2/s3cret' });
    expect(read).toThrow(InvalidConfigError);
    expect(read).not.toThrow(/s3cret/);
  });

  test('rejects a RATES_MODE other than local or live', () => {
    expect(() => readConfig({ RATES_MODE: 'random' })).toThrow(
      'RATES_MODE="random" is not valid: expected local',
    );
  });

  test('treats empty settings as unset', () => {
    const config = readConfig({ PROVIDER_PORT: '', DATABASE_URL: ' ' }, { cwd: '/srv/tp' });
    expect(config.port).toBe(8787);
    expect(config.databaseUrl).toBeUndefined();
  });

  test.each(['http', '80.5', '-1', '65536', '0x50', '1e3', '8787abc'])(
    'rejects PROVIDER_PORT=%s with a clear message',
    (port) => {
      expect(() => readConfig({ PROVIDER_PORT: port })).toThrow(InvalidConfigError);
      expect(() => readConfig({ PROVIDER_PORT: port })).toThrow(
        `PROVIDER_PORT="${port}" is not valid: expected an integer from 0 to 65535`,
      );
    },
  );

  test('rejects a DATABASE_URL that is not PostgreSQL, without echoing its password', () => {
    const read = (): unknown => readConfig({ DATABASE_URL: 'mysql://shop:hunter2@db/shop' });
    expect(read).toThrow(InvalidConfigError);
    expect(read).not.toThrow(/hunter2/);
  });
});

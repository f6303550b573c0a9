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
    });
  });

  test('reads every setting from the environment', () => {
    const config = readConfig(
      {
        PROVIDER_PORT: '9000',
        PROVIDER_HOST: '0.0.0.0',
        DATA_DIR: '/var/lib/tp',
        DATABASE_URL: 'postgres://tp@db:5432/tp',
        RATES_MODE: 'live',
      },
      { cwd: '/srv/tp' },
    );
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/tp',
      databaseUrl: 'postgres://tp@db:5432/tp',
      ratesMode: 'live',
    });
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

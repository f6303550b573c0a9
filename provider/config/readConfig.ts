import { resolve } from 'node:path';
import { InvalidConfigError } from './errors.ts';

/** The environment, or any object standing in for it. */
export type ReadConfigParameters = Readonly<Record<string, string | undefined>>;

export type ProviderConfig = {
  port: number;
  host: string;
  /** Absolute; the provider's PGlite lives in `<dataDir>/provider-db`. */
  dataDir: string;
  /** `postgres://…`: use that server instead of PGlite. */
  databaseUrl: string | undefined;
  /** `local`: fixed rates from four offline sources (dev stack); `live`: the market APIs. */
  ratesMode: 'local' | 'live';
};

export type ReadConfigReturnType = ProviderConfig;

export type ReadConfigErrorType = InvalidConfigError;

export const defaultPort = 8787;

/**
 * Reads and checks the provider's settings: `PROVIDER_PORT` (8787), `PROVIDER_HOST` (127.0.0.1),
 * `DATA_DIR` (`.data`, relative to `cwd`), `DATABASE_URL` (unset: PGlite), `RATES_MODE`
 * (`local`, or `live`). Empty counts as unset.
 */
export function readConfig(
  env: ReadConfigParameters,
  { cwd = process.cwd() }: { cwd?: string } = {},
): ReadConfigReturnType {
  return {
    port: readPort(env.PROVIDER_PORT),
    host: readSetting(env.PROVIDER_HOST) ?? '127.0.0.1',
    dataDir: resolve(cwd, readSetting(env.DATA_DIR) ?? '.data'),
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    ratesMode: readRatesMode(env.RATES_MODE),
  };
}

function readRatesMode(value: string | undefined): 'local' | 'live' {
  const setting = readSetting(value);
  if (setting === undefined || setting === 'local') return 'local';
  if (setting === 'live') return 'live';
  throw new InvalidConfigError({
    variable: 'RATES_MODE',
    value: setting,
    expected: 'local (fixed offline rates, the default) or live (market APIs)',
  });
}

function readSetting(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function readPort(value: string | undefined): number {
  const setting = readSetting(value);
  if (setting === undefined) return defaultPort;
  const port = /^\d{1,5}$/.test(setting) ? Number(setting) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) {
    throw new InvalidConfigError({
      variable: 'PROVIDER_PORT',
      value: setting,
      expected: 'an integer from 0 to 65535 (0 picks a free port)',
    });
  }
  return port;
}

function readDatabaseUrl(value: string | undefined): string | undefined {
  const setting = readSetting(value);
  if (setting === undefined) return undefined;
  if (!/^postgres(ql)?:\/\//i.test(setting)) {
    throw new InvalidConfigError({
      variable: 'DATABASE_URL',
      // Never echo the URL: it may hold a password.
      value: `${setting.split(':')[0] ?? ''}:…`,
      expected: 'a postgres:// or postgresql:// URL, or nothing for the embedded PGlite',
    });
  }
  return setting;
}

import { resolve } from 'node:path';
import { describeEndpoint } from '../payments/describeEndpoint.ts';
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
  /** Chains whose payments are detected, by increasing chain id; none when no RPC is set. */
  chains: WatchedChainConfig[];
  /** How often each chain watcher looks for a new head (ws:// endpoints also push heads). */
  chainPollIntervalMs: number;
  /** How often the webhook dispatcher looks for due deliveries. */
  webhookDispatchIntervalMs: number;
  /** Development only: webhook endpoints on http://localhost / 127.0.0.1 / [::1] are accepted. */
  allowInsecureWebhookUrls: boolean;
  /**
   * Development only: chains whose watcher history is forgotten at start, because the chain was
   * started afresh (the dev stack's Hardhat node). Never a real network.
   */
  forgetChainHistory: number[];
  /** When set, `GET /metrics` needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
};

export type WatchedChainConfig = {
  chainId: number;
  /** `CHAIN_RPC_URLS_<chainId>`: each a different provider; a quorum of them decides. */
  rpcUrls: string[];
  /** `CONFIRMATIONS_<chainId>`: blocks, the payment's own included, before it counts. */
  confirmations: number;
};

export type ReadConfigReturnType = ProviderConfig;

export type ReadConfigErrorType = InvalidConfigError;

export const defaultPort = 8787;
/** The dev chain's id: a local Hardhat node, where one block is final enough. */
export const devChainId = 31337;
export const defaultConfirmations = { devChain: 1, otherChains: 12 } as const;
export const defaultChainPollIntervalMs = 1_000;
export const defaultWebhookDispatchIntervalMs = 1_000;

/**
 * Reads and checks the provider's settings: `PROVIDER_PORT` (8787), `PROVIDER_HOST` (127.0.0.1),
 * `DATA_DIR` (`.data`, relative to `cwd`), `DATABASE_URL` (unset: PGlite), `RATES_MODE`
 * (`local`, or `live`); payment detection: `CHAIN_RPC_URLS_<chainId>` (comma-separated
 * http(s):// or ws(s):// URLs, one chain watched per variable), `CONFIRMATIONS_<chainId>` (1 on
 * 31337, else 12), `CHAIN_POLL_INTERVAL_MS` (1000); webhooks: `WEBHOOK_DISPATCH_INTERVAL_MS`
 * (1000), `ALLOW_INSECURE_WEBHOOK_URLS` (`false`; `true` in development only);
 * `FORGET_CHAIN_HISTORY` (comma-separated chain ids; development only). Empty counts as unset.
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
    chains: readWatchedChains(env),
    chainPollIntervalMs: readMilliseconds(env, 'CHAIN_POLL_INTERVAL_MS', {
      fallback: defaultChainPollIntervalMs,
      min: 10,
    }),
    webhookDispatchIntervalMs: readMilliseconds(env, 'WEBHOOK_DISPATCH_INTERVAL_MS', {
      fallback: defaultWebhookDispatchIntervalMs,
      min: 10,
    }),
    allowInsecureWebhookUrls: readBoolean(env, 'ALLOW_INSECURE_WEBHOOK_URLS'),
    forgetChainHistory: readChainIds(env, 'FORGET_CHAIN_HISTORY'),
    metricsToken: readSetting(env.METRICS_TOKEN),
  };
}

function readChainIds(env: ReadConfigParameters, variable: string): number[] {
  const setting = readSetting(env[variable]);
  if (setting === undefined) return [];
  return setting.split(',').map((text) => {
    const trimmed = text.trim();
    const chainId = /^[1-9]\d{0,15}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!Number.isSafeInteger(chainId)) {
      throw new InvalidConfigError({
        variable,
        value: setting,
        expected: `comma-separated decimal chain ids (${devChainId})`,
      });
    }
    return chainId;
  });
}

const rpcUrlsPrefix = 'CHAIN_RPC_URLS_';
const confirmationsPrefix = 'CONFIRMATIONS_';
const maxConfirmations = 10_000;

function readWatchedChains(env: ReadConfigParameters): WatchedChainConfig[] {
  const rpcUrls = new Map<number, string[]>();
  const confirmations = new Map<number, number>();
  for (const [variable, value] of Object.entries(env)) {
    const setting = readSetting(value);
    if (setting === undefined) continue;
    if (variable.startsWith(rpcUrlsPrefix)) {
      const chainId = readChainIdSuffix(variable, rpcUrlsPrefix);
      rpcUrls.set(chainId, readRpcUrls(variable, setting));
    } else if (variable.startsWith(confirmationsPrefix)) {
      const chainId = readChainIdSuffix(variable, confirmationsPrefix);
      const count = /^\d{1,5}$/.test(setting) ? Number(setting) : Number.NaN;
      if (!(count >= 1 && count <= maxConfirmations)) {
        throw new InvalidConfigError({
          variable,
          value: setting,
          expected: `a whole number of blocks from 1 to ${maxConfirmations}`,
        });
      }
      confirmations.set(chainId, count);
    }
  }
  for (const [chainId, count] of confirmations) {
    if (!rpcUrls.has(chainId)) {
      throw new InvalidConfigError({
        variable: `${confirmationsPrefix}${chainId}`,
        value: String(count),
        expected: `${rpcUrlsPrefix}${chainId} to be set too (no chain is watched without RPC URLs)`,
      });
    }
  }
  return [...rpcUrls.entries()]
    .sort(([left], [right]) => left - right)
    .map(([chainId, urls]) => ({
      chainId,
      rpcUrls: urls,
      confirmations:
        confirmations.get(chainId) ??
        (chainId === devChainId ? defaultConfirmations.devChain : defaultConfirmations.otherChains),
    }));
}

function readChainIdSuffix(variable: string, prefix: string): number {
  const suffix = variable.slice(prefix.length);
  const chainId = /^[1-9]\d{0,15}$/.test(suffix) ? Number(suffix) : Number.NaN;
  if (!Number.isSafeInteger(chainId)) {
    throw new InvalidConfigError({
      variable,
      value: '…',
      expected: `a decimal chain id after ${prefix} (${prefix}${devChainId})`,
    });
  }
  return chainId;
}

function readRpcUrls(variable: string, setting: string): string[] {
  const urls = setting.split(',').map((url) => url.trim());
  const seen = new Set<string>();
  for (const url of urls) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    // Only scheme and host are echoed: RPC providers put API keys in paths and queries.
    const shown = url === '' ? '(empty)' : describeEndpoint(url);
    if (parsed === undefined || !['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) {
      throw new InvalidConfigError({
        variable,
        value: shown,
        expected: 'comma-separated http://, https://, ws:// or wss:// URLs',
      });
    }
    if (seen.has(parsed.href)) {
      throw new InvalidConfigError({
        variable,
        value: shown,
        expected: 'distinct URLs (the same endpoint twice would count its answer twice)',
      });
    }
    seen.add(parsed.href);
  }
  if (urls.length > 100) {
    throw new InvalidConfigError({ variable, value: '…', expected: 'at most 100 URLs' });
  }
  return urls;
}

function readMilliseconds(
  env: ReadConfigParameters,
  variable: string,
  { fallback, min }: { fallback: number; min: number },
): number {
  const setting = readSetting(env[variable]);
  if (setting === undefined) return fallback;
  const max = 3_600_000;
  const value = /^\d{1,7}$/.test(setting) ? Number(setting) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new InvalidConfigError({
      variable,
      value: setting,
      expected: `a whole number of milliseconds from ${min} to ${max}`,
    });
  }
  return value;
}

function readBoolean(env: ReadConfigParameters, variable: string): boolean {
  const setting = readSetting(env[variable]);
  if (setting === undefined || setting === 'false') return false;
  if (setting === 'true') return true;
  throw new InvalidConfigError({ variable, value: setting, expected: 'true or false' });
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

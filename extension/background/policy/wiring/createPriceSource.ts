/**
 * Where the wallet's fiat prices come from, as one synchronous snapshot per decision (decide is
 * pure). There is no network price the wallet can trust offline, so there are two sources:
 * - local rates (`PriceSettings.localRates`): by default the dev chain's fixed table (the same
 *   round numbers as the provider's RATES_MODE=local), for chain 31337 only; a user's own table
 *   applies to every chain and ages from when it was set;
 * - a TP Provider's `GET /v1/rates` (`PriceSettings.providerUrl`): the median of several sources
 *   that agree (Byzantine-tolerant), each quote with its observation time; fetched in the
 *   background, at most every `refreshMilliseconds`, never while a decision waits.
 * Prices carry their observation time: `valueInFiat` refuses any older than the policy's maximum
 * age, so a missing or stale price turns `auto` into `confirm`. Trusted: the wallet's own token
 * lists (symbols, decimals and pegs of the built-in networks). Not trusted: the provider's
 * answer (checked field by field; anything malformed is ignored). Time comes from `now`.
 */
import type { KnownToken } from '../../../../shared/chains/devChainTokens.ts';
import { devChainTokens } from '../../../../shared/chains/devChainTokens.ts';
import { knownNetworks } from '../../../../shared/chains/networks.ts';
import type { Rate } from '../../../../shared/money/Rate.ts';
import { parseRate } from '../../../../shared/money/parseRate.ts';
import type { PriceQuote, PriceSnapshot } from '../PriceSnapshot.ts';
import { toAssetKey } from '../toAssetKey.ts';

export type PriceSettings = {
  /** A TP Provider base URL (`https://pay.example`); its `/v1/rates` is read. */
  readonly providerUrl?: string;
  /** `BASE/QUOTE` → decimal (`{ "ETH/EUR": "2760" }`): one BASE is worth that much QUOTE. */
  readonly localRates?: Readonly<Record<string, string>>;
  /** Epoch ms when `localRates` were set; absent for the built-in dev table (always current). */
  readonly localRatesObservedAt?: number;
};

/** What the snapshot needs to know of one network. */
export type PricedNetwork = {
  readonly chainId: number;
  readonly nativeSymbol: string;
  readonly tokens: readonly Pick<KnownToken, 'address' | 'symbol' | 'decimals'>[];
};

export type PriceSource = {
  /** Every price usable for `network` in `currency` right now (stale ones included: their age
   * is in `observedAt`, and `valueInFiat` decides). Starts a background refresh when due. */
  snapshot(parameters: { currency: string; network: PricedNetwork }): PriceSnapshot;
  /** Fetches the provider's rates now (when a provider is set); never throws. */
  refresh(): Promise<void>;
  setSettings(settings: PriceSettings): void;
};

export type CreatePriceSourceParameters = {
  now: () => Date;
  settings?: PriceSettings;
  /** The browser's fetch; tests pass a server's. */
  fetch?: typeof globalThis.fetch;
  refreshMilliseconds?: number;
  timeoutMilliseconds?: number;
};
export type CreatePriceSourceReturnType = PriceSource;

/** The dev chain's table: the provider's local rates (round numbers, close to the market). */
export const devChainRates: Readonly<Record<string, string>> = {
  'ETH/USD': '3000',
  'ETH/EUR': '2760',
  'USDC/USD': '1',
  'USDC/EUR': '0.92',
  'EURC/EUR': '1',
  'EURC/USD': '1.087',
  'DAI/USD': '1',
  'DAI/EUR': '0.92',
};
const devChainId = 31337;

/** The fiat currency each stablecoin of the wallet's own lists tracks (never a site's word). */
const pegsBySymbol: Readonly<Record<string, string>> = {
  USDC: 'USD',
  USDT: 'USD',
  USDT0: 'USD',
  DAI: 'USD',
  EURC: 'EUR',
};
const builtinTokenPegs: ReadonlyMap<string, string> = new Map(
  [
    ...devChainTokens.map((token) => ({ chainId: devChainId, token })),
    ...knownNetworks.flatMap((network) =>
      network.tokens.map((token) => ({ chainId: network.chainId, token })),
    ),
  ].flatMap(({ chainId, token }) => {
    const peg = pegsBySymbol[token.symbol];
    return peg === undefined ? [] : [[toAssetKey({ chainId, asset: token.address }), peg] as const];
  }),
);
const builtinTokenKeys: ReadonlySet<string> = new Set([
  ...devChainTokens.map((token) => toAssetKey({ chainId: devChainId, asset: token.address })),
  ...knownNetworks.flatMap((network) =>
    network.tokens.map((token) => toAssetKey({ chainId: network.chainId, asset: token.address })),
  ),
]);

type TimedRate = { readonly rate: Rate; readonly observedAt: number };

export function createPriceSource({
  now,
  settings: initialSettings = {},
  fetch: fetchFunction = (input, init) => globalThis.fetch(input, init),
  refreshMilliseconds = 30_000,
  timeoutMilliseconds = 3_000,
}: CreatePriceSourceParameters): CreatePriceSourceReturnType {
  let settings = initialSettings;
  let localRates = readLocalRates(settings);
  /** `BASE/QUOTE` → the provider's last agreeing rate. */
  let providerRates = new Map<string, TimedRate>();
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let refreshing: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    const providerUrl = settings.providerUrl;
    if (providerUrl === undefined) return Promise.resolve();
    lastAttemptAt = now().getTime();
    refreshing ??= fetchProviderRates(fetchFunction, providerUrl, timeoutMilliseconds)
      .then((rates) => {
        if (rates !== undefined) providerRates = rates;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };

  return {
    snapshot({ currency, network }) {
      const at = now().getTime();
      if (settings.providerUrl !== undefined && at - lastAttemptAt >= refreshMilliseconds)
        void refresh();
      const isDevChain = network.chainId === devChainId;
      const usesLocal = isDevChain || settings.localRates !== undefined;
      const pick = (symbol: string): TimedRate | undefined => {
        const pair = `${symbol}/${currency}`;
        const local = usesLocal ? localRates.get(pair) : undefined;
        const fromProvider = providerRates.get(pair);
        const localTimed =
          local === undefined
            ? undefined
            : { rate: local, observedAt: settings.localRatesObservedAt ?? at };
        if (localTimed === undefined) return fromProvider;
        if (fromProvider === undefined) return localTimed;
        return fromProvider.observedAt > localTimed.observedAt ? fromProvider : localTimed;
      };
      const quotes = new Map<string, PriceQuote>();
      const native = pick(network.nativeSymbol);
      if (native !== undefined)
        quotes.set(toAssetKey({ chainId: network.chainId, asset: 'native' }), {
          ...native,
          symbol: network.nativeSymbol,
          decimals: 18,
        });
      for (const token of network.tokens) {
        const key = toAssetKey({ chainId: network.chainId, asset: token.address });
        // A token a site added (wallet_watchAsset) may carry any symbol: it gets no price.
        if (!builtinTokenKeys.has(key)) continue;
        const timed = pick(token.symbol);
        if (timed === undefined) continue;
        const peg = builtinTokenPegs.get(key);
        quotes.set(key, {
          ...timed,
          symbol: token.symbol,
          decimals: token.decimals,
          ...(peg === undefined ? {} : { peg }),
        });
      }
      return { currency, quotes };
    },
    refresh,
    setSettings(next) {
      settings = next;
      localRates = readLocalRates(next);
      providerRates = new Map();
      lastAttemptAt = Number.NEGATIVE_INFINITY;
    },
  };
}

function readLocalRates(settings: PriceSettings): Map<string, Rate> {
  const rates = new Map<string, Rate>();
  for (const [pair, text] of Object.entries(settings.localRates ?? devChainRates)) {
    if (!/^[A-Z0-9]{1,12}\/[A-Z]{3}$/.test(pair)) continue;
    try {
      rates.set(pair, parseRate(text));
    } catch {
      // A malformed entry prices nothing; the others still count.
    }
  }
  return rates;
}

/** The provider's `ok` pairs with the oldest agreeing source's time; undefined on any failure. */
async function fetchProviderRates(
  fetchFunction: typeof globalThis.fetch,
  providerUrl: string,
  timeoutMilliseconds: number,
): Promise<Map<string, TimedRate> | undefined> {
  try {
    const response = await fetchFunction(new URL('/v1/rates', providerUrl), {
      signal: AbortSignal.timeout(timeoutMilliseconds),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as unknown;
    const entries = (body as { rates?: unknown } | null)?.rates;
    if (!Array.isArray(entries)) return undefined;
    const rates = new Map<string, TimedRate>();
    for (const entry of entries.slice(0, 1000) as unknown[]) {
      const timed = readRateEntry(entry);
      if (timed !== undefined) rates.set(timed.pair, timed);
    }
    return rates;
  } catch {
    return undefined;
  }
}

function readRateEntry(entry: unknown): (TimedRate & { pair: string }) | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { pair, status, rate, sources } = entry as Record<string, unknown>;
  if (typeof pair !== 'string' || !/^[A-Z0-9]{1,12}\/[A-Z]{3}$/.test(pair)) return undefined;
  if (status !== 'ok' || typeof rate !== 'object' || rate === null) return undefined;
  const { numerator, denominator } = rate as Record<string, unknown>;
  if (typeof numerator !== 'string' || typeof denominator !== 'string') return undefined;
  if (!/^[1-9][0-9]{0,77}$/.test(numerator) || !/^[1-9][0-9]{0,77}$/.test(denominator))
    return undefined;
  if (!Array.isArray(sources) || sources.length === 0) return undefined;
  let observedAt = Number.POSITIVE_INFINITY;
  for (const source of sources as unknown[]) {
    const time = Date.parse(String((source as { observed_at?: unknown } | null)?.observed_at));
    if (!Number.isFinite(time)) return undefined;
    observedAt = Math.min(observedAt, time);
  }
  return {
    pair,
    rate: { numerator: BigInt(numerator), denominator: BigInt(denominator) },
    observedAt,
  };
}

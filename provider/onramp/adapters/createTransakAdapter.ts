import { formatAmount } from '../../../shared/money/formatAmount.ts';
import { OnrampAdapterRequestError } from '../errors.ts';
import type { OnrampAdapter, OnrampFeeSchedule } from '../OnrampAdapter.ts';
import { parseTransakWebhook } from './parseTransakWebhook.ts';
import { verifyTransakWebhook } from './verifyTransakWebhook.ts';

export type TransakAsset = {
  /** Transak's code: `USDC`, `ETH`. */
  readonly cryptoCurrencyCode: string;
  /** Transak's network name: `ethereum`, `base`, `polygon`. */
  readonly network: string;
};

export type CreateTransakAdapterParameters = {
  environment: 'staging' | 'production';
  apiKey: string;
  /**
   * The API secret: the adapter then gets (and renews) the Partner Access Token itself. Renewing
   * invalidates the previous token at Transak, so with several provider processes give them one
   * `accessToken` renewed elsewhere instead.
   */
  apiSecret?: string;
  /** A Partner Access Token renewed outside the provider (see `apiSecret`). */
  accessToken?: string;
  /** Your domain (web), as registered with Transak: `widgetParams.referrerDomain`. */
  referrerDomain: string;
  /** Our asset on a chain (`"1:USDC"`) → Transak's code and network. */
  assets: Readonly<Record<string, TransakAsset>>;
  fiatCurrencies: readonly string[];
  /** Our estimate of Transak's fees, for quotes; Transak's page shows its own. */
  fees: OnrampFeeSchedule;
  now?: () => Date;
  fetch?: typeof globalThis.fetch;
  /** Tests point these at a local server; default: Transak's documented hosts. */
  apiBaseUrl?: string;
  gatewayBaseUrl?: string;
};
export type CreateTransakAdapterReturnType = OnrampAdapter;

const hosts = {
  staging: { api: 'https://api-stg.transak.com', gateway: 'https://api-gateway-stg.transak.com' },
  production: { api: 'https://api.transak.com', gateway: 'https://api-gateway.transak.com' },
} as const;
/** Renew this long before the token's own expiry. */
const renewBeforeMs = 24 * 60 * 60 * 1000;
const requestTimeoutMs = 10_000;

/**
 * Transak's hosted widget (docs.transak.com): query parameters in the URL are deprecated, so the
 * adapter asks Transak's "Create Widget URL" API (`POST /api/v2/auth/session`, header
 * `access-token`) for a single-use `widgetUrl`, valid 5 minutes, with `widgetParams` naming the
 * crypto, network, wallet (locked), fiat amount and our order id as `partnerOrderId`. Webhooks are
 * JWTs signed with the same access token. Transak may be embedded in an iframe.
 */
export function createTransakAdapter({
  environment,
  apiKey,
  apiSecret,
  accessToken,
  referrerDomain,
  assets,
  fiatCurrencies,
  fees,
  now = () => new Date(),
  fetch = globalThis.fetch.bind(globalThis),
  apiBaseUrl = hosts[environment].api,
  gatewayBaseUrl = hosts[environment].gateway,
}: CreateTransakAdapterParameters): CreateTransakAdapterReturnType {
  if ((apiSecret === undefined) === (accessToken === undefined)) {
    throw new TypeError('createTransakAdapter needs apiSecret or accessToken (one of them)');
  }
  const fiats = new Set(fiatCurrencies);
  let current: { token: string; expiresAtMs: number } | undefined =
    accessToken === undefined ? undefined : { token: accessToken, expiresAtMs: Infinity };
  let previous: string | undefined;
  let renewing: Promise<string> | undefined;

  async function requestJson(step: string, url: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) });
    } catch (cause) {
      throw new OnrampAdapterRequestError({ adapter: 'transak', step, cause });
    }
    if (!response.ok) {
      throw new OnrampAdapterRequestError({ adapter: 'transak', step, status: response.status });
    }
    try {
      return (await response.json()) as unknown;
    } catch (cause) {
      throw new OnrampAdapterRequestError({
        adapter: 'transak',
        step,
        status: response.status,
        cause,
      });
    }
  }

  async function renew(): Promise<string> {
    const step = 'renew the access token';
    const body = await requestJson(step, `${apiBaseUrl}/partners/api/v2/refresh-token`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'api-secret': apiSecret ?? '',
      },
      body: JSON.stringify({ apiKey }),
    });
    const data = readData(body);
    const token = data?.accessToken;
    const expiresAt = data?.expiresAt;
    if (typeof token !== 'string' || token === '' || typeof expiresAt !== 'number') {
      throw new OnrampAdapterRequestError({ adapter: 'transak', step });
    }
    if (current !== undefined) previous = current.token;
    current = { token, expiresAtMs: expiresAt * 1000 };
    return token;
  }

  function currentToken(): Promise<string> {
    if (current !== undefined && current.expiresAtMs - renewBeforeMs > now().getTime()) {
      return Promise.resolve(current.token);
    }
    renewing ??= renew().finally(() => {
      renewing = undefined;
    });
    return renewing;
  }

  return {
    id: 'transak',
    name: 'Transak',
    embedding: ['popup', 'iframe'],
    fees,
    supports: ({ chainId, symbol, fiatCurrency }) =>
      assets[`${chainId}:${symbol}`] !== undefined && fiats.has(fiatCurrency),
    async createOrder({ order }) {
      const asset = assets[`${order.asset.chainId}:${order.asset.symbol}`];
      if (asset === undefined) {
        throw new TypeError(
          `Transak has no code for ${order.asset.symbol} on ${order.asset.chainId}`,
        );
      }
      const widgetParams: Record<string, string | number | boolean> = {
        apiKey,
        referrerDomain,
        productsAvailed: 'BUY',
        cryptoCurrencyCode: asset.cryptoCurrencyCode,
        network: asset.network,
        walletAddress: order.walletAddress,
        disableWalletAddressForm: true,
        fiatCurrency: order.fiatCurrency.symbol,
        // Transak takes a JSON number here. A decimal string of at most 12 digits round-trips
        // through a double unchanged ("12.93" → 12.93), so no amount is altered on the way.
        fiatAmount: Number(formatAmount(order.fiatAmountMinor, order.fiatCurrency)),
        partnerOrderId: order.id,
      };
      if (order.redirectUrl !== null) widgetParams.redirectURL = order.redirectUrl;
      const step = 'create a widget URL';
      const body = await requestJson(step, `${gatewayBaseUrl}/api/v2/auth/session`, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'access-token': await currentToken(),
        },
        body: JSON.stringify({ widgetParams }),
      });
      // The docs show only that the answer holds a `widgetUrl`: read it inside `data` (as the
      // token API answers) or at the top.
      const widgetUrl =
        readData(body)?.widgetUrl ?? (body as { widgetUrl?: unknown } | null)?.widgetUrl;
      if (typeof widgetUrl !== 'string' || !isHttpsUrl(widgetUrl)) {
        throw new OnrampAdapterRequestError({ adapter: 'transak', step });
      }
      return { hostedUrl: widgetUrl, adapterOrderId: null, state: {} };
    },
    webhooks: {
      async verify({ rawBody, now: at }) {
        const tokens = [await currentToken(), ...(previous === undefined ? [] : [previous])];
        return verifyTransakWebhook({ rawBody, accessTokens: tokens, now: at });
      },
      parse: parseTransakWebhook,
    },
  };
}

function readData(body: unknown): Record<string, unknown> | undefined {
  const data =
    typeof body === 'object' && body !== null && Object.hasOwn(body, 'data')
      ? (body as { data: unknown }).data
      : undefined;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

import { formatAmount } from '../../../shared/money/formatAmount.ts';
import type { OnrampAdapter, OnrampFeeSchedule } from '../OnrampAdapter.ts';
import { parseMoonPayWebhook } from './parseMoonPayWebhook.ts';
import { signMoonPayUrl } from './signMoonPayUrl.ts';
import { verifyMoonPayWebhook } from './verifyMoonPayWebhook.ts';

export type CreateMoonPayAdapterParameters = {
  /** `sandbox` (buy-sandbox.moonpay.com, pk_test keys) or `production` (buy.moonpay.com). */
  environment: 'sandbox' | 'production';
  /** The publishable key, `pk_test_…` / `pk_live_…`: the widget's `apiKey`. */
  publishableKey: string;
  /** The secret key, `sk_…`: signs widget URLs. */
  secretKey: string;
  /** The webhook API key: checks `Moonpay-Signature-V2`. */
  webhookKey: string;
  /** Our asset on a chain (`"1:USDC"`) → MoonPay's currency code (`"usdc"`, `"usdc_base"`…). */
  currencyCodes: Readonly<Record<string, string>>;
  /** ISO 4217 codes the account sells in. */
  fiatCurrencies: readonly string[];
  /** Our estimate of MoonPay's fees, for quotes; MoonPay's page shows its own. */
  fees: OnrampFeeSchedule;
  webhookToleranceSeconds?: number;
};
export type CreateMoonPayAdapterReturnType = OnrampAdapter;

const widgetOrigins = {
  sandbox: 'https://buy-sandbox.moonpay.com',
  production: 'https://buy.moonpay.com',
} as const;

/**
 * MoonPay's hosted buy widget (dev.moonpay.com, "On-ramp widget parameters" and "URL signing"):
 * the URL names the currency, the shopper's wallet (locked in by the signature), the amount in
 * fiat and our order id as `externalTransactionId`, which MoonPay's webhooks echo back. MoonPay
 * may be embedded in an iframe.
 */
export function createMoonPayAdapter({
  environment,
  publishableKey,
  secretKey,
  webhookKey,
  currencyCodes,
  fiatCurrencies,
  fees,
  webhookToleranceSeconds,
}: CreateMoonPayAdapterParameters): CreateMoonPayAdapterReturnType {
  const fiats = new Set(fiatCurrencies);
  return {
    id: 'moonpay',
    name: 'MoonPay',
    embedding: ['popup', 'iframe'],
    fees,
    supports: ({ chainId, symbol, fiatCurrency }) =>
      currencyCodes[`${chainId}:${symbol}`] !== undefined && fiats.has(fiatCurrency),
    createOrder({ order }) {
      const currencyCode = currencyCodes[`${order.asset.chainId}:${order.asset.symbol}`];
      if (currencyCode === undefined) {
        return Promise.reject(
          new TypeError(
            `MoonPay has no currency code for ${order.asset.symbol} on ${order.asset.chainId}`,
          ),
        );
      }
      const url = new URL(widgetOrigins[environment]);
      const parameters: [string, string][] = [
        ['apiKey', publishableKey],
        ['currencyCode', currencyCode],
        ['walletAddress', order.walletAddress],
        ['baseCurrencyCode', order.fiatCurrency.symbol.toLowerCase()],
        ['baseCurrencyAmount', formatAmount(order.fiatAmountMinor, order.fiatCurrency)],
        ['lockAmount', 'true'],
        ['externalTransactionId', order.id],
      ];
      if (order.redirectUrl !== null) parameters.push(['redirectURL', order.redirectUrl]);
      // URLSearchParams percent-encodes every value, as MoonPay requires before signing.
      url.search = new URLSearchParams(parameters).toString();
      const signed = signMoonPayUrl({ url, secretKey });
      return Promise.resolve({ hostedUrl: signed.href, adapterOrderId: null, state: {} });
    },
    webhooks: {
      verify: (request) =>
        Promise.resolve(
          verifyMoonPayWebhook({
            ...request,
            webhookKey,
            ...(webhookToleranceSeconds === undefined
              ? {}
              : { toleranceSeconds: webhookToleranceSeconds }),
          }),
        ),
      parse: parseMoonPayWebhook,
    },
  };
}

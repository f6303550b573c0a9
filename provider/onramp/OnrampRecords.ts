import type { Rate } from '../../shared/money/Rate.ts';
import type { OnrampOrderStatus } from '../../shared/providerApi/OnrampOrder.ts';

/** An on-ramp quote as stored (`onramp_quotes`). */
export type OnrampQuoteRecord = {
  readonly id: string;
  readonly merchantId: string;
  readonly adapter: string;
  readonly chainId: number;
  readonly asset: string;
  readonly tokenAddress: string | null;
  readonly decimals: number;
  /** EIP-55. */
  readonly walletAddress: string;
  readonly country: string;
  readonly fiatCurrency: string;
  readonly fiatAmountMinor: bigint;
  readonly subtotalMinor: bigint;
  readonly adapterFeeMinor: bigint;
  readonly networkFeeMinor: bigint;
  readonly cryptoAmount: bigint;
  readonly pair: string;
  readonly rate: Rate;
  readonly expiresAt: Date;
  readonly createdAt: Date;
};

/** An on-ramp order as stored (`onramp_orders`), with the quote it was made from. */
export type OnrampOrderRecord = {
  readonly id: string;
  readonly merchantId: string;
  readonly status: OnrampOrderStatus;
  readonly quote: OnrampQuoteRecord;
  readonly adapter: string;
  readonly adapterOrderId: string | null;
  readonly adapterState: Readonly<Record<string, unknown>>;
  readonly hostedUrl: string;
  readonly redirectUrl: string | null;
  readonly txHash: string | null;
  readonly failure: { readonly code: string; readonly message: string } | null;
  readonly expiresAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly completedAt: Date | null;
};

/** Rows as the database returns them (int8 → bigint, numeric → string, jsonb → parsed). */
export type OnrampQuoteRow = {
  id: string;
  merchant_id: string;
  adapter: string;
  chain_id: bigint;
  asset: string;
  token_address: string | null;
  decimals: number;
  wallet_address: string;
  country: string;
  fiat_currency: string;
  fiat_amount_minor: bigint;
  subtotal_minor: bigint;
  adapter_fee_minor: bigint;
  network_fee_minor: bigint;
  crypto_amount: string;
  pair: string;
  rate_numerator: string;
  rate_denominator: string;
  expires_at: Date;
  created_at: Date;
};

export type OnrampOrderRow = {
  order_id: string;
  order_merchant_id: string;
  status: OnrampOrderStatus;
  order_adapter: string;
  adapter_order_id: string | null;
  adapter_state: Record<string, unknown>;
  hosted_url: string;
  redirect_url: string | null;
  tx_hash: string | null;
  failure_code: string | null;
  failure_message: string | null;
  order_expires_at: Date;
  order_created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
} & OnrampQuoteRow;

export const onrampQuoteColumns =
  'id, merchant_id, adapter, chain_id, asset, token_address, decimals, wallet_address, country, ' +
  'fiat_currency, fiat_amount_minor, subtotal_minor, adapter_fee_minor, network_fee_minor, ' +
  'crypto_amount::text as crypto_amount, pair, rate_numerator::text as rate_numerator, ' +
  'rate_denominator::text as rate_denominator, expires_at, created_at';

/** Select from `onramp_orders o join onramp_quotes q on q.id = o.quote_id`. */
export const onrampOrderColumns =
  'o.id as order_id, o.merchant_id as order_merchant_id, o.status, o.adapter as order_adapter, ' +
  'o.adapter_order_id, o.adapter_state, o.hosted_url, o.redirect_url, o.tx_hash, ' +
  'o.failure_code, o.failure_message, o.expires_at as order_expires_at, ' +
  'o.created_at as order_created_at, o.updated_at, o.completed_at, ' +
  onrampQuoteColumns
    .split(', ')
    .map((column) => `q.${column}`)
    .join(', ');

export function toOnrampQuoteRecord(row: OnrampQuoteRow): OnrampQuoteRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    adapter: row.adapter,
    chainId: Number(row.chain_id),
    asset: row.asset,
    tokenAddress: row.token_address,
    decimals: row.decimals,
    walletAddress: row.wallet_address,
    country: row.country,
    fiatCurrency: row.fiat_currency,
    fiatAmountMinor: row.fiat_amount_minor,
    subtotalMinor: row.subtotal_minor,
    adapterFeeMinor: row.adapter_fee_minor,
    networkFeeMinor: row.network_fee_minor,
    cryptoAmount: BigInt(row.crypto_amount),
    pair: row.pair,
    rate: { numerator: BigInt(row.rate_numerator), denominator: BigInt(row.rate_denominator) },
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

export function toOnrampOrderRecord(row: OnrampOrderRow): OnrampOrderRecord {
  return {
    id: row.order_id,
    merchantId: row.order_merchant_id,
    status: row.status,
    quote: toOnrampQuoteRecord(row),
    adapter: row.order_adapter,
    adapterOrderId: row.adapter_order_id,
    adapterState: row.adapter_state,
    hostedUrl: row.hosted_url,
    redirectUrl: row.redirect_url,
    txHash: row.tx_hash,
    failure:
      row.failure_code === null
        ? null
        : { code: row.failure_code, message: row.failure_message ?? row.failure_code },
    expiresAt: row.order_expires_at,
    createdAt: row.order_created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}

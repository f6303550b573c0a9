import { toWireRate } from '../rateBook/toRateEntry.ts';
import type { OnrampEmbeddingKind } from './OnrampAdapter.ts';
import type { OnrampQuoteRecord } from './OnrampRecords.ts';

/** What the API says of an adapter beside its id (it may have left the configuration since). */
export type OnrampAdapterInfo = { name: string; embedding: readonly OnrampEmbeddingKind[] };

/** The fields a quote and its order share, as the API shows them. */
export function toOnrampPriceFields(quote: OnrampQuoteRecord, adapter: OnrampAdapterInfo) {
  return {
    adapter: quote.adapter,
    adapter_name: adapter.name,
    chain_id: quote.chainId,
    asset: quote.asset,
    token_address: quote.tokenAddress,
    decimals: quote.decimals,
    wallet_address: quote.walletAddress,
    country: quote.country,
    fiat_currency: quote.fiatCurrency,
    fiat_amount_minor: quote.fiatAmountMinor.toString(),
    subtotal_minor: quote.subtotalMinor.toString(),
    crypto_amount: quote.cryptoAmount.toString(),
    fees: {
      adapter_fee_minor: quote.adapterFeeMinor.toString(),
      network_fee_minor: quote.networkFeeMinor.toString(),
      total_fee_minor: (quote.adapterFeeMinor + quote.networkFeeMinor).toString(),
    },
    pair: quote.pair,
    rate: toWireRate(quote.rate),
    embedding: [...adapter.embedding],
  };
}

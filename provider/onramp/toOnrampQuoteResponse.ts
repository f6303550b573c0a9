import type { OnrampQuote } from '../../shared/providerApi/OnrampQuote.ts';
import type { OnrampQuoteRecord } from './OnrampRecords.ts';
import { toOnrampPriceFields } from './toOnrampPriceFields.ts';
import type { OnrampAdapterInfo } from './toOnrampPriceFields.ts';

/** A quote as the API shows it: bigints as decimal strings, times as ISO. */
export function toOnrampQuoteResponse(
  quote: OnrampQuoteRecord,
  adapter: OnrampAdapterInfo,
): OnrampQuote {
  return {
    id: quote.id,
    object: 'onramp.quote',
    ...toOnrampPriceFields(quote, adapter),
    expires_at: quote.expiresAt.toISOString(),
    created_at: quote.createdAt.toISOString(),
  };
}

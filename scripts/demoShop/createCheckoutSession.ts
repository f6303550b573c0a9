import type {
  CheckoutSession,
  ProviderClientErrorType,
} from '../../shared/providerClient/index.ts';
import { createProviderClient } from '../../shared/providerClient/index.ts';
import { demoProduct, demoShopChainId, demoShopRecipient } from './demoProduct.ts';

export type CreateCheckoutSessionParameters = {
  readonly providerUrl: string;
  /** `sk_…`: stays on the shop's server, never in a page. */
  readonly secretKey: string;
  /** The shop's own order id: also the Idempotency-Key, so a retry never makes two sessions. */
  readonly orderId: string;
  readonly fetch?: typeof globalThis.fetch;
};

export type CreateCheckoutSessionReturnType = CheckoutSession;
export type CreateCheckoutSessionErrorType = ProviderClientErrorType;

/** The merchant's server call: a checkout session for one demo product, payable on the dev chain. */
export function createCheckoutSession({
  providerUrl,
  secretKey,
  orderId,
  fetch,
}: CreateCheckoutSessionParameters): Promise<CreateCheckoutSessionReturnType> {
  const provider = createProviderClient({ baseUrl: providerUrl, secretKey, fetch });
  return provider.createCheckoutSession(
    {
      amount_minor: demoProduct.amountMinor,
      currency: demoProduct.currency,
      recipients: { [String(demoShopChainId)]: demoShopRecipient },
      accepted_assets: ['USDC', 'EURC', 'DAI', 'ETH'].map((asset) => ({
        chain_id: demoShopChainId,
        asset,
      })),
      metadata: { order_id: orderId, product: demoProduct.id },
    },
    { idempotencyKey: orderId },
  );
}

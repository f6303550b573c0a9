import type { ChainAsset } from '../../shared/chains/ChainAsset.ts';
import type { Asset } from '../../shared/money/Asset.ts';
import type { OrderEvent } from './transitionOrder.ts';

/** How the widget may show an adapter's page. */
export type OnrampEmbeddingKind = 'popup' | 'iframe';

/** What the operator sets per adapter to estimate its fees in quotes. */
export type OnrampFeeSchedule = {
  /** The on-ramp's cut of what the shopper pays, in basis points (450 = 4.5 %). */
  readonly adapterFeeBasisPoints: number;
  /**
   * What sending the crypto costs, in wei of the chain's native coin, per chain id (decimal
   * string); converted to fiat at the native coin's rate, rounded up. A chain not listed: 0.
   */
  readonly networkFeeWei: Readonly<Record<string, bigint>>;
};

/** An order as an adapter needs it to build its page. */
export type OnrampOrderRequest = {
  /** Ours (`oro_…`): passed to the on-ramp so its webhooks name it. */
  readonly id: string;
  readonly asset: ChainAsset;
  /** EIP-55. */
  readonly walletAddress: string;
  readonly fiatCurrency: Asset;
  /** Fees included. */
  readonly fiatAmountMinor: bigint;
  readonly cryptoAmount: bigint;
  readonly country: string;
  readonly redirectUrl: string | null;
};

export type CreateAdapterOrderParameters = {
  order: OnrampOrderRequest;
  /** The provider's own public origin (`https://pay.example.com`), for pages it serves itself. */
  providerUrl: string;
};

export type CreatedAdapterOrder = {
  /** Where the shopper pays: signed where the on-ramp requires it. */
  readonly hostedUrl: string;
  /** The on-ramp's id of the order when it gives one now (else it comes with the first webhook). */
  readonly adapterOrderId: string | null;
  /** Kept with the order for the adapter's later steps (JSON, never card data). */
  readonly state: Readonly<Record<string, unknown>>;
};

/** An authenticated webhook from an on-ramp, as a change to one of our orders. */
export type OnrampWebhookUpdate =
  | {
      readonly kind: 'order';
      /** Ours, when the on-ramp echoes it (MoonPay `externalTransactionId`, Transak `partnerOrderId`). */
      readonly orderId: string | null;
      readonly adapterOrderId: string;
      /** Where the on-ramp sends the crypto: checked against the order's (EIP-55 or as sent). */
      readonly walletAddress: string | null;
      readonly event: OrderEvent;
    }
  /** Well-formed but nothing for us (another event type, a sell order…). */
  | { readonly kind: 'ignored'; readonly reason: string };

export type OnrampWebhookRequest = {
  /** Lower-case names, as Node gives them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body byte for byte (as UTF-8): signatures are over it, not over re-serialized JSON. */
  readonly rawBody: string;
  readonly now: Date;
};

/**
 * One on-ramp behind TP Pay's orders. The built-in sandbox serves its own card page; real
 * adapters build their provider's signed widget URL and read its webhooks. Adapters hold their
 * secrets; nothing else in the provider sees them.
 */
export type OnrampAdapter = {
  /** Stable, in URLs and stored orders: `sandbox`, `moonpay`, `transak`. */
  readonly id: string;
  /** For people. */
  readonly name: string;
  readonly embedding: readonly OnrampEmbeddingKind[];
  readonly fees: OnrampFeeSchedule;
  /** Does it sell `symbol` on `chainId` for `fiatCurrency`? */
  supports(parameters: { chainId: number; symbol: string; fiatCurrency: string }): boolean;
  /** Builds the page where the shopper pays (may call the on-ramp's API). */
  createOrder(parameters: CreateAdapterOrderParameters): Promise<CreatedAdapterOrder>;
  /** Present for on-ramps that send webhooks (not the sandbox, which changes orders itself). */
  readonly webhooks?: {
    /**
     * Checks the signature (constant time) and freshness; returns the authenticated payload
     * (the parsed body, or a JWT's claims). Throws `OnrampWebhookSignatureError`, or
     * `MalformedOnrampWebhookError` when the body cannot even be read.
     */
    verify(request: OnrampWebhookRequest): Promise<unknown>;
    /** Reads an authenticated payload; throws `MalformedOnrampWebhookError`, never anything else. */
    parse(payload: unknown): OnrampWebhookUpdate;
  };
};

import type { CheckoutAmountPaid } from '../../shared/providerApi/CheckoutPayment.ts';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import type { SubscriptionStatus } from '../../shared/providerApi/Subscription.ts';
import type { CheckoutStateName } from './CheckoutState.ts';

/** The DOM events the element fires for the merchant's page, with their `detail`. */
export type CheckoutEventDetails = {
  'tp-checkout:quote': { sessionId: string; quote: CheckoutQuote };
  'tp-checkout:pending': {
    sessionId: string;
    quoteId: string;
    chainId: number;
    asset: string;
    /** Base units, decimal string. */
    amount: string;
    txHash: string;
  };
  'tp-checkout:paid': {
    sessionId: string;
    status: SessionStatus;
    txHash: string | null;
    amountPaid: CheckoutAmountPaid | null;
  };
  'tp-checkout:failed': {
    sessionId: string;
    state: CheckoutStateName;
    code: string;
    message: string;
  };
  'tp-checkout:expired': { sessionId: string; what: 'quote' | 'session'; quoteId: string | null };
  /** A free trial started: nothing was paid; the first payment falls due at `trialEnd`. */
  'tp-checkout:subscribed': {
    sessionId: string;
    subscriptionId: string;
    status: SubscriptionStatus;
    trialEnd: string | null;
  };
};

export type CheckoutDomEventName = keyof CheckoutEventDetails;

export type CheckoutDomEvent = {
  [Name in CheckoutDomEventName]: {
    readonly name: Name;
    readonly detail: CheckoutEventDetails[Name];
  };
}[CheckoutDomEventName];

/** Work the element does for the flow; each result comes back as a `CheckoutEvent`. */
export type CheckoutEffect =
  | { readonly type: 'loadSession'; readonly delayMs: number }
  | {
      readonly type: 'lockQuote';
      readonly chainId: number;
      readonly asset: string;
      readonly delayMs: number;
    }
  | { readonly type: 'pollSession'; readonly delayMs: number }
  | { readonly type: 'connectWallet'; readonly walletId: string }
  | { readonly type: 'switchChain'; readonly walletId: string; readonly chainId: number }
  | {
      readonly type: 'readBalance';
      readonly walletId: string;
      readonly account: string;
      readonly quote: CheckoutQuote;
      /** While waiting for bought funds, reads are spaced out. */
      readonly delayMs?: number;
    }
  | {
      readonly type: 'sendTransaction';
      readonly walletId: string;
      readonly account: string;
      readonly quote: CheckoutQuote;
      readonly amount: bigint;
    }
  | { readonly type: 'reportPayment'; readonly chainId: number; readonly txHash: string }
  /** A free trial: ask the wallet for the allowance, then for `personal_sign` over the start-trial message. */
  | {
      readonly type: 'signTrial';
      readonly walletId: string;
      readonly account: string;
      readonly quote: CheckoutQuote;
    }
  /** `POST /v1/subscriptions/checkout/{session_id}/trial`. */
  | {
      readonly type: 'startTrial';
      readonly quoteId: string;
      readonly subscriber: string;
      readonly signature: string;
      readonly delayMs: number;
    }
  | {
      readonly type: 'quoteOnramp';
      readonly chainId: number;
      readonly asset: string;
      /** What is missing, in base units: the quote buys exactly this. */
      readonly cryptoAmount: bigint;
      readonly walletAddress: string;
      readonly country: string;
      readonly fiatCurrency: string;
    }
  | { readonly type: 'createOnrampOrder'; readonly quoteId: string }
  | { readonly type: 'pollOnrampOrder'; readonly orderId: string; readonly delayMs: number }
  /** Show the on-ramp's page: in the popup opened on "Buy", else an iframe where allowed. */
  | {
      readonly type: 'openOnrampPage';
      readonly url: string;
      readonly embedding: readonly ('popup' | 'iframe')[];
    }
  | { readonly type: 'closeOnrampPage' }
  | { readonly type: 'emit'; readonly event: CheckoutDomEvent };

import type { CheckoutPayment } from '../../shared/providerApi/CheckoutPayment.ts';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { CheckoutSession, PaymentOption } from '../../shared/providerApi/CheckoutSession.ts';
import type { OnrampOrder } from '../../shared/providerApi/OnrampOrder.ts';
import type { OnrampQuote } from '../../shared/providerApi/OnrampQuote.ts';
import type { Subscription } from '../../shared/providerApi/Subscription.ts';

/** Every value of `data-state` on the element's root part; the README documents each one. */
export const checkoutStateNames = [
  'loading',
  'options',
  'quoting',
  'quoted',
  'wallet-picker',
  'connecting',
  'switching-chain',
  'checking-balance',
  'confirming',
  'submitted',
  'confirming-chain',
  'paid',
  'starting-trial',
  'trial-started',
  'error-config',
  'error-no-wallet',
  'error-wallet-rejected',
  'error-wallet-pending',
  'error-wallet',
  'error-wrong-network',
  'error-insufficient-funds',
  'error-quote-expired',
  'error-session-expired',
  'error-provider-unreachable',
  'error-provider',
  'error-underpaid',
  'error-payment-failed',
  'onramp-ordering',
  'onramp-paying',
  'onramp-delivering',
  'onramp-arriving',
  'error-onramp-declined',
  'error-onramp-insufficient-funds',
  'error-onramp-failed',
  'error-onramp-expired',
  'error-onramp-abandoned',
  'error-onramp-denied',
  'error-onramp-verification',
  'error-onramp-refused',
  'error-onramp-not-arrived',
] as const;

export type CheckoutStateName = (typeof checkoutStateNames)[number];

/** A wallet as the flow knows it: what the picker shows. The provider object stays in the element. */
export type WalletSummary = {
  /** The EIP-6963 `uuid`, or `window.ethereum` for the legacy fallback. */
  readonly id: string;
  readonly name: string;
  /** A `data:image/…` URI, or null when the wallet sent none (or something else). */
  readonly icon: string | null;
};

/**
 * The card offer shown beside "not enough": `none` (not short), `country` (the shopper's country
 * is needed first), `loading`, `ready` (`onrampQuote` is set), `unavailable` (no on-ramp sells
 * this asset here, or the provider could not quote).
 */
export type OnrampOfferStatus = 'none' | 'country' | 'loading' | 'ready' | 'unavailable';

/**
 * How the on-ramp's page is shown: a popup, an iframe in the card, or not (`blocked`: the
 * browser blocked the popup; `closed`: the shopper closed it).
 */
export type OnrampPageMode = 'popup' | 'iframe' | 'blocked' | 'closed';

/** The provider calls the flow can retry after a failure. */
export type ProviderOperation = 'loadSession' | 'lockQuote' | 'pollSession' | 'startTrial';

export type CheckoutFailure = {
  /** Stable and machine readable: `wallet/rejected`, `provider/unreachable`, `provider/<api code>`. */
  readonly code: string;
  /** English, for the console and the `tp-checkout:failed` event, not for the shopper. */
  readonly message: string;
};

export type CheckoutContext = {
  readonly sessionId: string;
  readonly session: CheckoutSession | null;
  /** The option the shopper picked (kept for re-quotes). */
  readonly option: PaymentOption | null;
  readonly quote: CheckoutQuote | null;
  readonly wallets: readonly WalletSummary[];
  readonly walletId: string | null;
  readonly account: string | null;
  /** What the next transaction pays, in base units: the quote's amount, or the rest when underpaid. */
  readonly amountDue: bigint | null;
  /** True while paying what an underpaid session still lacks (the quote may be past its expiry). */
  readonly isPayingRest: boolean;
  /** The paying account's balance at the last check (for "you are short by…"). */
  readonly balance: bigint | null;
  readonly txHash: string | null;
  /** The provider's record of our transaction, once it has seen it. */
  readonly payment: CheckoutPayment | null;
  readonly failure: CheckoutFailure | null;
  /** What "Try again" redoes in the provider error states. */
  readonly retry: ProviderOperation | null;
  /** Consecutive provider failures, for the backoff; 0 after any success. */
  readonly attempt: number;
  /** The shopper's country for the on-ramp's rules (ISO 3166-1 alpha-2), null until known. */
  readonly onrampCountry: string | null;
  readonly onrampOffer: OnrampOfferStatus;
  /** The on-ramp's price for what is missing: fiat amount, fees apart. */
  readonly onrampQuote: OnrampQuote | null;
  /** The order being followed, as last read. */
  readonly onrampOrder: OnrampOrder | null;
  /** How its page is shown, once the element opened it. */
  readonly onrampPage: OnrampPageMode | null;
  /** Balance reads since the order completed, while the funds are on their way. */
  readonly arrivalChecks: number;
  /**
   * mode="subscription": the plan's free days, once its plan is read (0 otherwise). Above 0,
   * nothing is paid at checkout: the shopper signs the trial's start instead.
   */
  readonly trialDays: number;
  /** The shopper's `personal_sign` over the start-trial message, kept for "Try again". */
  readonly trialSignature: string | null;
  /** The subscription the trial started, once the provider answered. */
  readonly subscription: Subscription | null;
};

export type CheckoutState = {
  readonly name: CheckoutStateName;
  readonly context: CheckoutContext;
};

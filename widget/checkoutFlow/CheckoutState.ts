import type { CheckoutPayment } from '../../shared/providerApi/CheckoutPayment.ts';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { CheckoutSession, PaymentOption } from '../../shared/providerApi/CheckoutSession.ts';

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

/** The provider calls the flow can retry after a failure. */
export type ProviderOperation = 'loadSession' | 'lockQuote' | 'pollSession';

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
};

export type CheckoutState = {
  readonly name: CheckoutStateName;
  readonly context: CheckoutContext;
};

import type { Address, Hex } from 'viem';
import type { BillingIntervalUnit } from '../../../shared/subscriptions/BillingInterval.ts';

/**
 * What TP Wallet keeps beside an ERC-7715 grant that a TP checkout asked for: where the
 * subscription lives (the provider, the checkout session that started it, the publishable key
 * that reads it), its calendar, and what the scheduler did for each period. Keyed by the grant
 * id; the grant itself (token, recipient, amount per period, start, expiry) stays in the site's
 * policy and is what every payment is checked against. Revoking the grant stops the payments.
 */
export type SubscriptionLink = {
  readonly grantId: string;
  /** The site that asked for the grant (its policy holds it), as the browser reported it. */
  readonly origin: string;
  /** The account that granted it and pays the renewals. */
  readonly account: Address;
  /** `https://provider.example`: no path, no trailing slash. */
  readonly providerUrl: string;
  /** The subscription's first checkout session (`cs_…`). */
  readonly sessionId: string;
  /** `pk_…`: reads the subscription and its renewals, nothing more. */
  readonly publishableKey: string;
  /** The grant's token and amount per period, kept for the page once the grant is revoked. */
  readonly chainId: number;
  readonly token: Address;
  readonly periodAmount: string;
  readonly interval: BillingIntervalUnit;
  readonly intervalCount: number;
  /** A renewal is paid only within this many seconds of its period's start. */
  readonly gracePeriodSeconds: number;
  /**
   * The first period the scheduler may pay: 1 when the grant started at checkout (period 0 is
   * the checkout's own payment), 0 for a free trial (the grant starts when the trial ends).
   */
  readonly firstRenewalIndex: number;
  /** `sub_…`, once the first payment is confirmed and the provider created it. */
  readonly subscriptionId: string | null;
  /** What the wallet last read of it: for the Subscriptions page. */
  readonly status: string | null;
  readonly nextRenewalAt: string | null;
  readonly merchantName: string | null;
  readonly amountMinor: string | null;
  readonly currency: string | null;
  /** One entry per period the wallet paid (or sent a payment for): never two for one index. */
  readonly payments: readonly SubscriptionPaymentRecord[];
  /** The last time the scheduler could not pay on its own, and why (shown to the user). */
  readonly attention: SubscriptionAttention | null;
  /** Canceled from the wallet (or seen canceled/ended at the provider): no more payments. */
  readonly isClosed: boolean;
  /** Epoch ms. */
  readonly createdAt: number;
};

export type SubscriptionPaymentRecord = {
  readonly periodIndex: number;
  readonly invoiceId: string;
  readonly amount: string;
  /** Null while the transaction is being sent: the period is claimed first, so never paid twice. */
  readonly hash: Hex | null;
  /** Epoch ms, by the wallet's clock. */
  readonly paidAt: number;
  /** `auto`: within the grant; `confirmed`: the user approved it in the window. */
  readonly approval: 'auto' | 'confirmed';
};

export type SubscriptionAttention = {
  readonly periodIndex: number;
  /** Machine readable (see `RenewalPlan`). */
  readonly reason: string;
  /** English, for the page. */
  readonly message: string;
  /** Epoch ms. */
  readonly at: number;
};

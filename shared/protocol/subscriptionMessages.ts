/**
 * What the wallet's Subscriptions page shows and asks for (background: extension/background/
 * subscriptions). Amounts are decimal strings of base units; times are epoch milliseconds or ISO
 * strings as the provider sent them.
 */

export type SubscriptionPaymentView = {
  readonly periodIndex: number;
  readonly amount: string;
  /** Null while it is being sent. */
  readonly hash: string | null;
  readonly paidAt: number;
  readonly approval: 'auto' | 'confirmed';
};

export type SubscriptionView = {
  readonly grantId: string;
  readonly origin: string;
  readonly account: string;
  /** The plan's name as the provider gives it, once known. */
  readonly merchantName: string | null;
  readonly subscriptionId: string | null;
  /** The provider's state (`active`, `past_due`, `canceled`…), null before the first read. */
  readonly status: string | null;
  /** The plan's price in fiat minor units and its currency, once known. */
  readonly amountMinor: string | null;
  readonly currency: string | null;
  readonly interval: string;
  readonly intervalCount: number;
  /** The grant: at most this much of the token per period. */
  readonly token: {
    readonly chainId: number;
    readonly address: string;
    readonly symbol: string | null;
    readonly decimals: number | null;
  };
  readonly periodAmount: string;
  /** ISO time of the next renewal as the provider has it, else null. */
  readonly nextRenewalAt: string | null;
  /** Paid by the wallet (renewals; the checkout's own payment is not counted here). */
  readonly spent: string;
  readonly payments: readonly SubscriptionPaymentView[];
  /** Why the last renewal was not paid on its own, if it was not. */
  readonly attention: {
    readonly reason: string;
    readonly message: string;
    readonly at: number;
  } | null;
  /** Canceled, ended, or its grant revoked: nothing more will be paid. */
  readonly isClosed: boolean;
};

export type SubscriptionsOverview = {
  readonly subscriptions: readonly SubscriptionView[];
  /** The test clock offset (ms); the page shows a banner when it is not 0. */
  readonly clockOffsetMs: number;
  /** The wallet's time now (epoch ms), with the offset. */
  readonly now: number;
  /** What the last look at renewals did, per subscription (after "Check renewals now"). */
  readonly lastRun?: readonly {
    readonly grantId: string;
    readonly outcome: string;
    readonly reason?: string;
    readonly periodIndex?: number | null;
  }[];
};

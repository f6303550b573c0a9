import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { CheckoutSession } from '../../shared/providerApi/CheckoutSession.ts';
import type { OnrampOrder } from '../../shared/providerApi/OnrampOrder.ts';
import type { OnrampQuote } from '../../shared/providerApi/OnrampQuote.ts';
import type { Subscription } from '../../shared/providerApi/Subscription.ts';
import type { OnrampPageMode, ProviderOperation, WalletSummary } from './CheckoutState.ts';

/** How a provider call failed, reduced to what the flow decides on. */
export type ProviderFailure =
  | { readonly kind: 'unreachable'; readonly message: string }
  | {
      readonly kind: 'api';
      /** The API's error code (`unauthorized`, `rates_unavailable`…). */
      readonly code: string;
      readonly status: number;
      readonly message: string;
    };

/** How a wallet request failed (EIP-1193 codes, classified by `classifyWalletError`). */
export type WalletFailureKind = 'rejected' | 'pending' | 'unrecognized-chain' | 'other';
export type WalletFailure = { readonly kind: WalletFailureKind; readonly message: string };
/** `sign`: the allowance and the signature that start a free trial. */
export type WalletStep = 'connect' | 'switch' | 'balance' | 'send' | 'sign';
/** The on-ramp's provider calls: the quote (offer), the order, and following the order. */
export type OnrampStep = 'quote' | 'order' | 'poll';

/**
 * What happens to the flow: results of its effects, the shopper's actions and the clock. Events
 * that do not fit the current state (a late answer to a request made in an earlier state) are
 * ignored.
 */
export type CheckoutEvent =
  | { readonly type: 'sessionLoaded'; readonly session: CheckoutSession; readonly now: Date }
  | {
      readonly type: 'providerFailed';
      readonly operation: ProviderOperation;
      readonly failure: ProviderFailure;
    }
  | { readonly type: 'optionPicked'; readonly chainId: number; readonly asset: string }
  | { readonly type: 'quoteLocked'; readonly quote: CheckoutQuote }
  | { readonly type: 'tick'; readonly now: Date }
  | { readonly type: 'payRequested'; readonly now: Date }
  | { readonly type: 'walletsChanged'; readonly wallets: readonly WalletSummary[] }
  | { readonly type: 'walletPicked'; readonly walletId: string }
  | { readonly type: 'walletConnected'; readonly account: string; readonly chainId: number }
  | { readonly type: 'chainSwitched'; readonly chainId: number }
  | { readonly type: 'balanceRead'; readonly balance: bigint; readonly now: Date }
  | { readonly type: 'transactionSent'; readonly txHash: string }
  | { readonly type: 'walletFailed'; readonly step: WalletStep; readonly failure: WalletFailure }
  | { readonly type: 'paymentReportFailed' }
  | { readonly type: 'sessionPolled'; readonly session: CheckoutSession; readonly now: Date }
  | { readonly type: 'retryRequested'; readonly now: Date }
  | { readonly type: 'requoteRequested'; readonly now: Date }
  | { readonly type: 'changeOptionRequested'; readonly now: Date }
  | { readonly type: 'payRestRequested'; readonly now: Date }
  | { readonly type: 'switchNetworkRequested' }
  | { readonly type: 'checkBalanceRequested' }
  /** The on-ramp's chunk has arrived: "not enough" may now offer to buy with a card. */
  | { readonly type: 'onrampAvailable' }
  | { readonly type: 'onrampQuoted'; readonly quote: OnrampQuote }
  | { readonly type: 'onrampOrderCreated'; readonly order: OnrampOrder }
  | { readonly type: 'onrampOrderPolled'; readonly order: OnrampOrder }
  | {
      readonly type: 'onrampFailed';
      readonly step: OnrampStep;
      readonly failure: ProviderFailure;
    }
  | { readonly type: 'onrampCountryPicked'; readonly country: string }
  /** "Buy … with card": the element has already opened an empty popup for the on-ramp's page. */
  | { readonly type: 'buyRequested'; readonly now: Date }
  | { readonly type: 'onrampPageShown'; readonly page: OnrampPageMode }
  /** The shopper closed the on-ramp's popup. */
  | { readonly type: 'onrampPageClosed' }
  | { readonly type: 'onrampCancelRequested' }
  /** mode="subscription": the plan behind the session was read. */
  | { readonly type: 'planLoaded'; readonly trialDays: number }
  /** The wallet granted the allowance and signed the start-trial message. */
  | { readonly type: 'trialSigned'; readonly signature: string }
  | { readonly type: 'trialStarted'; readonly subscription: Subscription };

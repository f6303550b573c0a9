/**
 * Messages between the wallet's own pages (popup, onboarding tab) and its service worker.
 * The worker accepts them only from this extension's pages (checked from the browser's sender
 * information); a content script or web page can never reach these actions.
 * Amounts cross as decimal strings of base units; the UI formats them with shared/money.
 */

import type { KnownToken } from '../chains/devChainTokens.ts';
import type { NativeCurrency } from '../chains/networks.ts';
import type { ApprovalDecision, ApprovalRequest } from './approvalMessages.ts';
import type {
  ActivityEntryView,
  ChoosablePresetName,
  LimitJson,
  SitePolicyJson,
  SiteView,
  SitesOverview,
} from './policyMessages.ts';
import type { SubscriptionsOverview } from './subscriptionMessages.ts';

export const phraseLanguages = [
  'en',
  'zh-Hans',
  'zh-Hant',
  'es',
  'ja',
  'ko',
  'fr',
  'it',
  'cs',
  'pt',
] as const;
export type PhraseLanguage = (typeof phraseLanguages)[number];

export type WalletLockState = 'uninitialized' | 'locked' | 'unlocked';

export type WalletStatus = {
  readonly lockState: WalletLockState;
  readonly autoLockMinutes: number;
  /** Whether TP Wallet takes `window.ethereum` even when another wallet set it first. */
  readonly isDefaultWallet: boolean;
  /** Wrong passwords in a row; the counter survives a worker restart. */
  readonly failedUnlockAttempts: number;
  /** When locked out after too many wrong passwords: how long until the next try is allowed. */
  readonly retryAfterMs: number;
  readonly network: { readonly chainId: number; readonly name: string; readonly rpcUrl: string };
};

export type AccountView = {
  readonly address: `0x${string}`;
  readonly name: string;
  readonly kind: 'hd' | 'imported';
  readonly index: number;
  readonly isHidden: boolean;
};

export type BalanceView = {
  readonly symbol: string;
  readonly decimals: number;
  /** Base units, decimal string. */
  readonly value: string;
  /** Undefined for the chain's native currency. */
  readonly tokenAddress?: `0x${string}`;
};

/** The wallet's fiat currency and where its prices come from (the Settings page). */
export type PriceSettingsView = {
  /** ISO 4217 code. */
  readonly currency: string;
  /** A TP Provider origin; absent: prices only from the dev chain's table (or the user's own). */
  readonly providerUrl?: string;
  /** Amounts set in `currency` (fiat limits, the network-fee cap) a change would convert. */
  readonly fiatLimitCount: number;
  /** For `convertTo`: one unit of `currency` in `to`, from current prices of `basis` (a symbol). */
  readonly suggestedRate?: { readonly to: string; readonly rate: string; readonly basis: string };
};

/**
 * A network the wallet knows, for its pages: built-in, or added by a site with
 * wallet_addEthereumChain (EIP-3085) and approved by the user (`isAddedBySite`: its name and
 * symbols are the site's words). Its tokens are the wallet's own list, then those sites asked it
 * to watch (EIP-747, `isAddedBySite`). The built-in list (`knownNetworks`) fits this type as is.
 */
export type WalletNetworkView = {
  readonly chainId: number;
  readonly name: string;
  readonly nativeCurrency: NativeCurrency;
  readonly blockExplorerUrl?: string;
  readonly tokens: readonly (KnownToken & { readonly isAddedBySite?: boolean })[];
  readonly isAddedBySite?: boolean;
};

/** Each action: what the page sends and what the worker answers. */
export type WalletUiActions = {
  status: { params: Record<string, never>; result: WalletStatus };
  generatePhrase: {
    params: { wordCount: 12 | 24; language: PhraseLanguage };
    result: { phrase: string };
  };
  /** Creates the vault from a new or imported phrase, then unlocks it. */
  createWallet: {
    params: { phrase: string; language: PhraseLanguage; password: string };
    result: { accounts: AccountView[] };
  };
  unlock: { params: { password: string }; result: { accounts: AccountView[] } };
  lock: { params: Record<string, never>; result: null };
  listAccounts: { params: { includeHidden?: boolean }; result: { accounts: AccountView[] } };
  addAccount: { params: { name?: string }; result: { account: AccountView } };
  renameAccount: { params: { address: string; name: string }; result: { account: AccountView } };
  hideAccount: { params: { address: string; isHidden: boolean }; result: { account: AccountView } };
  importPrivateKey: {
    params: { privateKey: string; name?: string };
    result: { account: AccountView };
  };
  getBalances: { params: { address: string }; result: { balances: BalanceView[] } };
  revealPhrase: {
    params: { password: string };
    result: { phrase: string; language: PhraseLanguage };
  };
  changePassword: { params: { currentPassword: string; newPassword: string }; result: null };
  setAutoLock: { params: { minutes: number }; result: null };
  setDefaultWallet: { params: { isDefault: boolean }; result: null };
  /** The approval window: pending site requests, oldest first. */
  listApprovals: { params: Record<string, never>; result: { approvals: ApprovalRequest[] } };
  resolveApproval: { params: { id: string; decision: ApprovalDecision }; result: null };
  /**
   * The "Sites" page: every site that is connected, has its own policy or has activity, with
   * its policy, what it spent per window, its grants and its last activity; the kill switch and
   * the wallet-wide caps with their usage.
   */
  listSites: { params: Record<string, never>; result: SitesOverview };
  /**
   * One site (also one with no policy or activity yet: it then follows the defaults), and the
   * wallet's networks with their tokens (built-in and added by sites) its rules and caps can use.
   */
  getSite: {
    params: { origin: string };
    result: { site: SiteView; networks: readonly WalletNetworkView[] };
  };
  /**
   * Puts a site on a preset. `perPayment` / `perDay` (minor units of the wallet currency, decimal
   * strings) size "Trusted shop" and "Micropayments"; the site's grants are kept.
   */
  setSitePreset: {
    params: { origin: string; preset: ChoosablePresetName; perPayment?: string; perDay?: string };
    result: { site: SiteView };
  };
  /** Replaces a site's policy with one edited by hand (checked like a stored one). */
  setSitePolicy: {
    params: { origin: string; policy: SitePolicyJson };
    result: { site: SiteView };
  };
  /** Revokes one grant (ERC-7715 permission) of a site; payments under it stop at once. */
  revokeGrant: { params: { origin: string; grantId: string }; result: null };
  /**
   * Disconnects a site (it no longer sees any account); `forgetPolicy` also drops its policy and
   * grants, so it is back to the defaults. The activity stays.
   */
  disconnectSite: { params: { origin: string; forgetPolicy?: boolean }; result: null };
  /** The kill switch: `true` freezes every automatic payment from the very next request. */
  setKillSwitch: { params: { isFrozen: boolean }; result: null };
  /** Replaces the wallet-wide caps (across all sites). */
  setWalletLimits: { params: { walletLimits: LimitJson[] }; result: SitesOverview };
  /**
   * Settings: the wallet's fiat currency (caps and reasons are in it) and its price source.
   * `convertTo` (an ISO 4217 code): also a suggested rate to convert fiat caps into it, from the
   * prices the wallet has now (absent when none are priced in both currencies).
   */
  getPriceSettings: { params: { convertTo?: string }; result: PriceSettingsView };
  /**
   * Changes the currency and/or the price provider (each optional; `providerUrl: null` removes
   * it). The provider must be an http(s) origin (`https://pay.example`); its `/v1/rates` is read.
   * A new currency while fiat caps are set needs `conversionRate` (one old unit in new units,
   * decimal text, as the user confirmed it): every fiat amount is converted at it, rounded down;
   * without it the worker refuses with `policy/currency-conversion-required` (nothing changes).
   */
  setPriceSettings: {
    params: { currency?: string; conversionRate?: string; providerUrl?: string | null };
    result: PriceSettingsView;
  };
  /**
   * The "Activity" page: payments, signatures and permission requests, newest first; `before`
   * (epoch ms, exclusive) pages back; one site's with `origin`. At most `limit` (≤ 200, 50).
   */
  listActivity: {
    params: { origin?: string; limit?: number; before?: number };
    /** With the wallet's networks, for the entries' explorer links. */
    result: {
      entries: ActivityEntryView[];
      hasMore: boolean;
      networks: readonly WalletNetworkView[];
    };
  };
  /** The "Subscriptions" page: every subscription a TP checkout linked to a grant. */
  listSubscriptions: { params: Record<string, never>; result: SubscriptionsOverview };
  /**
   * Cancels now: signs the cancel message with the subscriber's key, tells the provider
   * (`cancel-by-subscriber`) and revokes the grant (even if the provider cannot be reached).
   */
  cancelSubscription: {
    params: { grantId: string };
    result: { overview: SubscriptionsOverview; providerNotified: boolean };
  };
  /** Looks at due renewals now (the alarm does it every few minutes). */
  runSubscriptions: { params: Record<string, never>; result: SubscriptionsOverview };
  /** Tests only: moves the wallet's clock forward by `offsetMs` (0 resets it). */
  setClockOffset: { params: { offsetMs: number }; result: SubscriptionsOverview };
};

export type WalletUiAction = keyof WalletUiActions;

export type WalletUiRequest = {
  [Action in WalletUiAction]: {
    readonly kind: 'ui';
    readonly action: Action;
    readonly params: WalletUiActions[Action]['params'];
  };
}[WalletUiAction];

/** Errors reach the page as data: `code` is the TpError code (`vault/wrong-password-or-tampered`). */
export type WalletUiError = {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
};

export type WalletUiReply<Action extends WalletUiAction = WalletUiAction> =
  | { readonly ok: true; readonly result: WalletUiActions[Action]['result'] }
  | { readonly ok: false; readonly error: WalletUiError };

/** Bounds on auto-lock (minutes): chrome.alarms fires at most every 30 s; a day at most. */
/** storage.local key the content bridge reads (not secret) to know whether to take window.ethereum. */
export const defaultWalletStorageKey = 'isDefaultWallet';

export const autoLockMinutesRange = { minimum: 1, maximum: 1440, default: 15 } as const;

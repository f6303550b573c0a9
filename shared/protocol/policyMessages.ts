/**
 * The spending policy as the wallet's own pages see it: the approval window (the decision's
 * reasons, remaining caps, ERC-7715 grant requests), the "Sites" page (each site's policy, what it
 * spent per window, its grants) and the "Activity" page (every payment and signature with its
 * site, decision and transaction status). Plain JSON computed by the service worker: amounts are
 * decimal strings of base units (fiat amounts in minor units of `currency`), times are epoch
 * milliseconds unless a field says unix seconds (grants, as ERC-7715 sends them).
 */
import type { ActionView } from './ActionView.ts';

type Address = `0x${string}`;

/** auto: paid without a prompt; confirm: the approval window; step-up: the window and the
 * password; block: refused (4100) with the reason. */
export type PolicyActionName = 'auto' | 'confirm' | 'step-up' | 'block';
export type EscalationActionName = Exclude<PolicyActionName, 'auto'>;
/** "Ask every time" (the default for a new site), "Trusted shop", "Micropayments",
 * "Subscriptions only"; `custom` once edited by hand. */
export type PolicyPresetName =
  'ask' | 'trusted-shop' | 'micropayments' | 'subscriptions' | 'custom';
export type ChoosablePresetName = Exclude<PolicyPresetName, 'custom'>;
export type LimitWindowName = 'transaction' | 'hour' | 'day' | 'week' | '30-days';

/** An asset on a chain: `native` or the ERC-20 contract. */
export type AssetReferenceView = {
  readonly chainId: number;
  readonly asset: 'native' | Address;
  /** From the wallet's own token list; absent for a token it does not know. */
  readonly symbol?: string;
  readonly decimals?: number;
};

/** What the numbers of a limit or a reason count in. */
export type AmountUnitView =
  | { readonly kind: 'fiat'; readonly currency: string; readonly decimals: number }
  | ({ readonly kind: 'token' } & AssetReferenceView);

/** A limit as stored (and as `setSitePolicy` / `setWalletLimits` take it). */
export type LimitJson = {
  readonly window: LimitWindowName;
  readonly unit:
    | { readonly kind: 'fiat' }
    | {
        readonly kind: 'token';
        readonly chainId: number;
        readonly asset: 'native' | Address;
        readonly symbol: string;
        readonly decimals: number;
      };
  /** Base units of `unit` (fiat: minor units of the wallet currency). */
  readonly amount: string;
  readonly whenExceeded: EscalationActionName;
};

/** A grant as stored: a recurring allowance (`periodSeconds`) or one allowance in total. */
export type GrantJson = {
  readonly id: string;
  readonly chainId: number;
  readonly asset: 'native' | Address;
  readonly recipient: Address;
  readonly amount: string;
  readonly periodSeconds?: number;
  /** Unix seconds. */
  readonly startTime: number;
  /** Unix seconds; the grant no longer applies from this second on. */
  readonly endTime?: number;
  /** The site's own words, to be shown as the site's. */
  readonly justification?: string;
  readonly source: 'user' | 'site-request';
  /** Unix seconds. */
  readonly createdAt: number;
};

/** A site's policy as stored (`serializePolicy`'s site shape). */
export type SitePolicyJson = {
  readonly preset: PolicyPresetName;
  readonly payments: PolicyActionName;
  readonly unprovable: EscalationActionName;
  readonly limits: readonly LimitJson[];
  readonly allowedChainIds?: readonly number[];
  readonly allowedAssets?: readonly {
    readonly chainId: number;
    readonly asset: 'native' | Address;
  }[];
  readonly allowedRecipients?: readonly Address[];
  readonly whenNotAllowed: EscalationActionName;
  readonly confirmNewRecipients: boolean;
  readonly grants: readonly GrantJson[];
};

/** A limit with what its window holds now. */
export type LimitUsageView = {
  readonly scope: 'site' | 'wallet';
  readonly window: LimitWindowName;
  readonly unit: AmountUnitView;
  readonly limit: string;
  /** Reserved and settled spending in the window that ends now (0 for `transaction`). */
  readonly used: string;
  /** `limit - used`, never below 0. */
  readonly remaining: string;
  /** Some spending had no usable price: `used` is a lower bound. */
  readonly isUnknown: boolean;
  readonly whenExceeded: EscalationActionName;
};

/** A grant with how much of its current period is used. */
export type GrantView = GrantJson & {
  readonly origin: string;
  readonly unit: AmountUnitView;
  /** Unix seconds: the current period (or the whole grant without a period). */
  readonly periodStart: number;
  readonly periodEnd?: number;
  readonly used: string;
  readonly remaining: string;
  /** Started and not ended. */
  readonly isActive: boolean;
};

/** What one request spends, as the wallet decoded it. */
export type SpendView = AssetReferenceView & {
  readonly kind: 'transfer' | 'approval' | 'permit';
  readonly amount: string;
  readonly recipient?: Address;
  readonly isUnlimited: boolean;
  /** Minor units of the decision's currency; absent without a usable price. */
  readonly fiatValue?: string;
};

/** One rule that applied to a request, with the numbers behind it (`decide`'s reasons). */
export type ReasonView =
  | { readonly rule: 'kill-switch'; readonly action: PolicyActionName }
  | {
      readonly rule: 'unprovable';
      readonly reason:
        | 'unknown-calldata'
        | 'unknown-token'
        | 'contract-creation'
        | 'unknown-typed-data'
        | 'malformed-typed-data'
        | 'message';
      readonly action: PolicyActionName;
    }
  | { readonly rule: 'no-spend'; readonly action: PolicyActionName }
  | {
      readonly rule: 'site-payments';
      readonly preset: PolicyPresetName;
      readonly action: PolicyActionName;
    }
  | {
      readonly rule: 'grant';
      readonly grantId: string;
      readonly fits: boolean;
      readonly unit: AmountUnitView;
      readonly used: string;
      readonly amount: string;
      readonly limit: string;
      readonly remaining: string;
      readonly periodStart: number;
      readonly periodEnd?: number;
      readonly action: PolicyActionName;
    }
  | {
      readonly rule: 'limit';
      readonly scope: 'site' | 'wallet';
      readonly window: LimitWindowName;
      readonly unit: AmountUnitView;
      readonly used: string;
      readonly amount: string;
      readonly limit: string;
      readonly remaining: string;
      readonly isExceeded: boolean;
      readonly isUnknown: boolean;
      readonly action: PolicyActionName;
    }
  | {
      readonly rule: 'chain-not-allowed';
      readonly chainId: number;
      readonly action: PolicyActionName;
    }
  | {
      readonly rule: 'asset-not-allowed';
      readonly asset: AssetReferenceView;
      readonly action: PolicyActionName;
    }
  | {
      readonly rule: 'recipient-not-allowed';
      readonly recipient?: Address;
      readonly action: PolicyActionName;
    }
  | {
      readonly rule: 'new-recipient';
      readonly chainId: number;
      readonly recipient: Address;
      readonly action: PolicyActionName;
    }
  | {
      readonly rule: 'unlimited-approval';
      readonly asset: AssetReferenceView;
      readonly recipient?: Address;
      readonly action: PolicyActionName;
    }
  | {
      readonly rule: 'price-unavailable';
      readonly asset: AssetReferenceView;
      readonly status: 'missing' | 'stale' | 'off-peg';
      readonly action: PolicyActionName;
    }
  | {
      readonly rule: 'network-fee';
      /** Wei. */
      readonly fee: string;
      /** Fiat minor units; absent without a usable price for the native coin. */
      readonly value?: string;
      readonly limit: string;
      readonly action: PolicyActionName;
    };

/** The policy's answer for one request, for the approval window and the activity log. */
export type DecisionView = {
  readonly action: PolicyActionName;
  readonly reasons: readonly ReasonView[];
  readonly spends: readonly SpendView[];
  /** ISO 4217 code of every fiat amount; `currencyDecimals` its minor units. */
  readonly currency: string;
  readonly currencyDecimals: number;
  /** The sum of the spends' fiat values; absent when one had no usable price. */
  readonly totalFiat?: string;
  readonly grantId?: string;
  /** The site's preset, to name it in the window. */
  readonly preset: PolicyPresetName;
};

/** One site on the "Sites" page: connected, with its own policy, or with activity. */
export type SiteView = {
  readonly origin: string;
  /** False: the site follows the wallet's defaults ("Ask every time" at first). */
  readonly hasOwnPolicy: boolean;
  readonly preset: PolicyPresetName;
  readonly policy: SitePolicyJson;
  readonly isConnected: boolean;
  readonly accounts: readonly Address[];
  /** The site's own limits with their usage now. */
  readonly limits: readonly LimitUsageView[];
  /** Fiat spent (reserved or settled) in the last hour, day, week and 30 days. */
  readonly spent: readonly {
    readonly window: Exclude<LimitWindowName, 'transaction'>;
    readonly value: string;
    readonly isUnknown: boolean;
  }[];
  readonly grants: readonly GrantView[];
  /** Epoch ms of the site's last activity entry. */
  readonly lastActivityAt?: number;
};

export type SitesOverview = {
  readonly currency: string;
  readonly currencyDecimals: number;
  /** The kill switch: "freeze all automatic payments". */
  readonly isFrozen: boolean;
  /** The caps across all sites, with their usage now. */
  readonly walletLimits: readonly LimitUsageView[];
  /** Newest activity first, then by origin. */
  readonly sites: readonly SiteView[];
};

/**
 * What became of a request:
 * - pending: signed and sent, not mined yet; confirmed / reverted: mined;
 * - failed: signing or broadcast failed; dropped: left the mempool unmined;
 * - replaced: another transaction with the same nonce took its place;
 * - signed: a signature given to the site; granted: a permission given;
 * - rejected: the user said no (or closed the window); blocked: the policy refused it.
 */
export type ActivityStatus =
  | 'pending'
  | 'confirmed'
  | 'reverted'
  | 'failed'
  | 'dropped'
  | 'replaced'
  | 'signed'
  | 'granted'
  | 'rejected'
  | 'blocked';

/** How the request was let through: without a prompt, in the window, with the password. */
export type ActivityApproval = 'auto' | 'confirmed' | 'password' | 'none';

export type ActivityEntryView = {
  readonly id: string;
  readonly origin: string;
  readonly method: string;
  readonly kind: 'transaction' | 'signature' | 'permission';
  readonly chainId: number;
  readonly from?: Address;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly decision: DecisionView;
  readonly approval: ActivityApproval;
  readonly status: ActivityStatus;
  /** A transaction: what it does, decoded by the wallet. */
  readonly action?: ActionView;
  /** Every hash sent for this payment (a speed-up or replacement adds one); the last is current. */
  readonly transactionHashes?: readonly `0x${string}`[];
  /** A permission request: the grants given. */
  readonly grantIds?: readonly string[];
  /** Why it failed, for people. */
  readonly error?: string;
};

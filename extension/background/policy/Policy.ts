/**
 * The spending policy model: what the user decided, per site and wallet-wide. Plain data; amounts
 * are bigint base units (fiat minor units for fiat limits), times are unix seconds for grants
 * (as ERC-7715 sends them) and the windows are fixed lengths. `parsePolicy` checks a stored or
 * received policy against these types; `serializePolicy` writes it as JSON.
 */
import type { Address } from 'viem';

/**
 * What the wallet does with a request, from the least to the most friction:
 * - auto: pays without a prompt (a notification and an activity entry only);
 * - confirm: the approval window;
 * - step-up: the approval window, which also asks for the password;
 * - block: refused with EIP-1193 4100 and the reason.
 */
export type PolicyAction = 'auto' | 'confirm' | 'step-up' | 'block';

/** An action that may follow a broken rule: never `auto`. */
export type EscalationAction = Exclude<PolicyAction, 'auto'>;

/** The order of `PolicyAction`: the decision is the highest action any rule asks for. */
export const policyActionRank: Readonly<Record<PolicyAction, number>> = {
  auto: 0,
  confirm: 1,
  'step-up': 2,
  block: 3,
};

/** A limit per request, or over a rolling window that ends now. */
export type LimitWindow = 'transaction' | 'hour' | 'day' | 'week' | '30-days';

/** The length of each rolling window in milliseconds. */
export const limitWindowMilliseconds: Readonly<
  Record<Exclude<LimitWindow, 'transaction'>, number>
> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  '30-days': 30 * 86_400_000,
};

/** The native coin of a chain, or an ERC-20 contract (checksummed). */
export type AssetAddress = 'native' | Address;

/** One asset on one chain. */
export type ChainAssetReference = { readonly chainId: number; readonly asset: AssetAddress };

/**
 * What a limit counts in: the wallet's fiat currency (`PolicyState.currency`, minor units), or
 * base units of one token. `symbol` and `decimals` come from the wallet's own token list, for
 * display only.
 */
export type LimitUnit =
  | { readonly kind: 'fiat' }
  | (ChainAssetReference & {
      readonly kind: 'token';
      readonly symbol: string;
      readonly decimals: number;
    });

export type Limit = {
  readonly window: LimitWindow;
  readonly unit: LimitUnit;
  /** Base units of `unit`; 0 means no spending at all passes without `whenExceeded`. */
  readonly amount: bigint;
  readonly whenExceeded: EscalationAction;
};

/**
 * A recurring allowance (a subscription) or, without `periodSeconds`, one allowance in total:
 * `recipient` may be paid up to `amount` of `asset` in each fixed period counted from `startTime`
 * (Coinbase SpendPermission / ERC-7715 periodic semantics: unspent allowance never carries over).
 * Payments the site requests that fit a grant are automatic.
 */
export type Grant = ChainAssetReference & {
  /** Stable id; also the ERC-7715 `context` returned to the site. */
  readonly id: string;
  readonly recipient: Address;
  readonly amount: bigint;
  readonly periodSeconds?: number;
  /** Unix seconds. */
  readonly startTime: number;
  /** Unix seconds; the grant no longer applies from this second on. */
  readonly endTime?: number;
  /** The site's words, shown to the user as the site's, never as the wallet's. */
  readonly justification?: string;
  readonly source: 'user' | 'site-request';
  /** Unix seconds. */
  readonly createdAt: number;
};

export type PolicyPreset = 'ask' | 'trusted-shop' | 'micropayments' | 'subscriptions' | 'custom';

export type SitePolicy = {
  /** Which preset this was made from (`custom` once edited); for the settings page. */
  readonly preset: PolicyPreset;
  /** A payment the wallet can prove, that breaks no rule below and fits no grant. */
  readonly payments: PolicyAction;
  /** A request whose spending cannot be proven (unknown calldata or typed data, messages). */
  readonly unprovable: EscalationAction;
  readonly limits: readonly Limit[];
  /** When set, only these chains; payments elsewhere get `whenNotAllowed`. */
  readonly allowedChainIds?: readonly number[];
  /** When set, only these assets. */
  readonly allowedAssets?: readonly ChainAssetReference[];
  /** When set, only these recipients (and spenders, for approvals and permits). */
  readonly allowedRecipients?: readonly Address[];
  readonly whenNotAllowed: EscalationAction;
  /** "Always confirm a recipient this site never paid before." */
  readonly confirmNewRecipients: boolean;
  readonly grants: readonly Grant[];
};

export type PolicyState = {
  readonly version: 1;
  /** ISO 4217 code of the user's fiat currency; fiat limits and reasons are in it. */
  readonly currency: string;
  /** The kill switch: no automatic payment at all while set, from the very next request. */
  readonly isFrozen: boolean;
  /** Caps across all sites together. */
  readonly walletLimits: readonly Limit[];
  /** A price older than this cannot make a payment automatic. */
  readonly maxPriceAgeSeconds: number;
  /** How far (basis points) a stablecoin's market price may be from its peg to be valued at it. */
  readonly stablecoinToleranceBasisPoints: number;
  /** The highest network fee (fiat minor units) an automatic payment may carry; unset: no check. */
  readonly maxAutoNetworkFee?: bigint;
  /** The policy of every site that has none of its own (the "Ask every time" preset at first). */
  readonly siteDefaults: SitePolicy;
  /** By exact origin (`https://shop.example`), as the browser reports it. */
  readonly sites: ReadonlyMap<string, SitePolicy>;
};

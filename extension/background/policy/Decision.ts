/**
 * What `decide` answers: one action, and every rule that applied with the numbers behind it, so
 * the approval window and the activity log can say "this payment uses 12.00 of your 50.00 € daily
 * limit for shop.example" and why a payment was or was not automatic.
 */
import type { Address } from 'viem';
import type { ChainAssetReference, LimitWindow, PolicyAction, PolicyPreset } from './Policy.ts';
import type { ReservedSpend } from './Reservation.ts';
import type { UnprovableReason } from './Spend.ts';

/** The unit of a limit's numbers, with what a display needs. */
export type ReasonUnit =
  | { readonly kind: 'fiat'; readonly currency: string; readonly decimals: number }
  | (ChainAssetReference & {
      readonly kind: 'token';
      /** From the wallet's token list; absent for a token it has no name for. */
      readonly symbol?: string;
      readonly decimals?: number;
    });

/**
 * A cap checked against this request. `used` is what the window held before, `amount` what this
 * request adds, `remaining` what is left after it (never below 0). With `isUnknown` some spending
 * had no usable price: `used` and `amount` are then lower bounds, and the limit cannot make the
 * request automatic (`action` is at least confirm).
 */
export type LimitReason = {
  readonly rule: 'limit';
  readonly scope: 'site' | 'wallet';
  readonly window: LimitWindow;
  readonly unit: ReasonUnit;
  readonly used: bigint;
  readonly amount: bigint;
  readonly limit: bigint;
  readonly remaining: bigint;
  readonly isExceeded: boolean;
  readonly isUnknown: boolean;
  readonly action: PolicyAction;
};

/**
 * A grant whose chain, asset and recipient match the payment. `fits` false: not started, ended or
 * this period's amount would be passed; it then asks for nothing and the site's rules decide.
 */
export type GrantReason = {
  readonly rule: 'grant';
  readonly grantId: string;
  readonly fits: boolean;
  readonly unit: ReasonUnit;
  readonly used: bigint;
  readonly amount: bigint;
  readonly limit: bigint;
  readonly remaining: bigint;
  /** Unix seconds: the current period, or the whole grant without a period. */
  readonly periodStart: number;
  readonly periodEnd?: number;
  readonly action: PolicyAction;
};

export type DecisionReason =
  | { readonly rule: 'kill-switch'; readonly action: 'confirm' }
  | {
      readonly rule: 'unprovable';
      readonly reason: UnprovableReason;
      readonly action: PolicyAction;
    }
  | { readonly rule: 'no-spend'; readonly action: 'confirm' }
  | { readonly rule: 'site-payments'; readonly preset: PolicyPreset; readonly action: PolicyAction }
  | GrantReason
  | LimitReason
  | { readonly rule: 'chain-not-allowed'; readonly chainId: number; readonly action: PolicyAction }
  | {
      readonly rule: 'asset-not-allowed';
      readonly asset: ChainAssetReference;
      readonly action: PolicyAction;
    }
  | {
      readonly rule: 'recipient-not-allowed';
      readonly recipient?: Address;
      readonly action: PolicyAction;
    }
  | {
      readonly rule: 'new-recipient';
      readonly chainId: number;
      readonly recipient: Address;
      readonly action: 'confirm';
    }
  | {
      readonly rule: 'unlimited-approval';
      readonly asset: ChainAssetReference;
      readonly recipient?: Address;
      readonly action: 'confirm';
    }
  | {
      readonly rule: 'price-unavailable';
      readonly asset: ChainAssetReference;
      readonly status: 'missing' | 'stale' | 'off-peg';
      readonly action: 'confirm';
    }
  | {
      readonly rule: 'network-fee';
      /** Wei. */
      readonly fee: bigint;
      /** Fiat minor units; absent when the native coin has no usable price. */
      readonly value?: bigint;
      readonly limit: bigint;
      readonly action: PolicyAction;
    };

export type DecisionRule = DecisionReason['rule'];

export type Decision = {
  /** The highest action any reason asks for. */
  readonly action: PolicyAction;
  readonly reasons: readonly DecisionReason[];
  /** The request's spends, valued in `currency` (what a reservation records). */
  readonly spends: readonly ReservedSpend[];
  readonly currency: string;
  /** The grant this payment fits, when it fits one. */
  readonly grantId?: string;
};

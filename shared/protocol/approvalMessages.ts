/**
 * What the approval window shows and answers. The service worker holds the queue; the window
 * lists it (`approvals/list`) and decides (`approvals/resolve`). Everything here is display
 * data the worker derived itself: the origin is the browser-reported one, the action is decoded
 * from the calldata, never taken from the site's description of it.
 */
import type { ActionView, TypedDataView } from './ActionView.ts';
import type { AssetReferenceView, DecisionView } from './policyMessages.ts';
import type { AccountView } from './walletUiMessages.ts';
import type { BillingIntervalUnit } from '../subscriptions/BillingInterval.ts';

/**
 * Why a spending request is in the window: the policy's decision with its reasons and the caps
 * left, whether the password is needed (step-up), and, for an unlimited token approval, the cap
 * the user may lower it to (the signed calldata then carries the lowered amount).
 */
export type PolicyPromptView = {
  readonly decision: DecisionView;
  /** Step-up: approving needs the wallet password too. */
  readonly requiresPassword: boolean;
  readonly unlimitedApproval?: {
    readonly token: AssetReferenceView;
    readonly spender: `0x${string}`;
    /** Base units: what the window proposes instead of "everything". */
    readonly suggestedAmount: string;
  };
};

/** One ERC-7715 permission as the site asked for it, in the wallet's words. */
export type GrantRequestView = {
  /** `erc20-token-periodic`, `native-token-allowance`… */
  readonly permissionType: string;
  /** Whether the user may lower the amount or shorten the expiry (always true in TP Wallet:
   * a grant can only get smaller than asked). */
  readonly isAdjustmentAllowed: boolean;
  readonly token: AssetReferenceView;
  readonly recipient: `0x${string}`;
  /** Base units per period (or in total without `periodSeconds`). */
  readonly amount: string;
  readonly periodSeconds?: number;
  /** Unix seconds. */
  readonly startTime: number;
  readonly endTime?: number;
  /** The site's own words. */
  readonly justification?: string;
};

/**
 * A renewal the wallet's own subscription scheduler is paying, so the window can name it. Only
 * the scheduler sets it (beside the request, as DappRequestHandler's trusted context): nothing a
 * page sends can make a transaction look like a renewal.
 */
export type SubscriptionRenewalView = {
  /** The plan's name as the provider gave it, once known. */
  readonly planName?: string;
  /** Periods since the billing anchor (period 0 is paid at checkout). */
  readonly periodIndex: number;
  /** ISO 8601: the start of the period, when the renewal fell due. */
  readonly dueAt: string;
  /** The plan's price as the provider last reported it (ISO 4217 minor units). */
  readonly price?: { readonly amountMinor: string; readonly currency: string };
  readonly interval: BillingIntervalUnit;
  readonly intervalCount: number;
};

export type ApprovalDetails =
  | { readonly kind: 'unlock' }
  | { readonly kind: 'connect'; readonly accounts: readonly AccountView[] }
  | {
      readonly kind: 'send-transaction';
      readonly from: `0x${string}`;
      readonly chainId: number;
      readonly networkName: string;
      readonly action: ActionView;
      /** Quantities as decimal strings (wei / gas units). */
      readonly transaction: {
        readonly to?: `0x${string}`;
        readonly value: string;
        readonly data?: `0x${string}`;
        readonly gas: string;
        readonly maxFeePerGas: string;
        readonly maxPriorityFeePerGas: string;
      };
      /** gas × maxFeePerGas, in wei: the most the fee can be. */
      readonly maxFee: string;
      readonly nativeSymbol: string;
      readonly policy?: PolicyPromptView;
      /** Set by the wallet's scheduler only, never from the page's request. */
      readonly renewal?: SubscriptionRenewalView;
    }
  | {
      readonly kind: 'sign-message';
      readonly from: `0x${string}`;
      /** UTF-8 text when the bytes are printable text, else undefined. */
      readonly text?: string;
      readonly hex: `0x${string}`;
      readonly policy?: PolicyPromptView;
    }
  | {
      readonly kind: 'sign-typed-data';
      readonly from: `0x${string}`;
      readonly chainId?: number;
      readonly view: TypedDataView;
      /** The typed data as pretty JSON, for the "details" view. */
      readonly json: string;
      readonly policy?: PolicyPromptView;
    }
  | {
      readonly kind: 'add-chain';
      readonly chainId: number;
      readonly chainName: string;
      readonly rpcUrl: string;
      readonly nativeSymbol: string;
      readonly blockExplorerUrl?: string;
    }
  | { readonly kind: 'switch-chain'; readonly chainId: number; readonly chainName: string }
  | {
      readonly kind: 'watch-asset';
      readonly address: `0x${string}`;
      readonly symbol: string;
      readonly decimals: number;
      readonly chainId: number;
    }
  | {
      /** ERC-7715: the site asks to be paid without a prompt within limits. */
      readonly kind: 'grant-permissions';
      readonly method: 'wallet_requestExecutionPermissions' | 'wallet_grantPermissions';
      /** The account that will pay. */
      readonly from: `0x${string}`;
      readonly chainId: number;
      readonly permissions: readonly GrantRequestView[];
    };

export type ApprovalKind = ApprovalDetails['kind'];

export type ApprovalRequest = {
  readonly id: string;
  /** The requesting site as the browser reports it. */
  readonly origin: string;
  /** Whether this origin was connected before this request. */
  readonly isSiteConnected: boolean;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly details: ApprovalDetails;
};

export type ApprovalDecision =
  | { readonly approved: false }
  | {
      readonly approved: true;
      /** For `connect`: the accounts the user chose to share. */ readonly accounts?: readonly `0x${string}`[];
      /** For a step-up request: the wallet password, checked by the worker. */
      readonly password?: string;
      /** For an unlimited token approval: the lowered amount (base units) to sign instead. */
      readonly approvalAmount?: string;
      /** For `grant-permissions`, index by index: what the user gives (never more than asked). */
      readonly grants?: readonly { readonly amount: string; readonly endTime?: number }[];
    };

/**
 * What the approval window shows and answers. The service worker holds the queue; the window
 * lists it (`approvals/list`) and decides (`approvals/resolve`). Everything here is display
 * data the worker derived itself: the origin is the browser-reported one, the action is decoded
 * from the calldata, never taken from the site's description of it.
 */
import type { ActionView, TypedDataView } from './ActionView.ts';
import type { AccountView } from './walletUiMessages.ts';

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
    }
  | {
      readonly kind: 'sign-message';
      readonly from: `0x${string}`;
      /** UTF-8 text when the bytes are printable text, else undefined. */
      readonly text?: string;
      readonly hex: `0x${string}`;
    }
  | {
      readonly kind: 'sign-typed-data';
      readonly from: `0x${string}`;
      readonly chainId?: number;
      readonly view: TypedDataView;
      /** The typed data as pretty JSON, for the "details" view. */
      readonly json: string;
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
    };

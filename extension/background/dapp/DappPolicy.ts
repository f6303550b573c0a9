/**
 * What the request handler asks of the spending policy (implemented in
 * background/policy/wiring/createDappPolicy.ts): decide before every transaction and signature,
 * reserve the spend atomically before signing, and follow it to the end (settled, released);
 * and the ERC-7715 permission methods. The handler keeps the EIP-1193 side (params, the approval
 * window's request details, signing, broadcasting); the policy never sees a key.
 */
import type { Address, Hex } from 'viem';
import type { ActionView } from '../../../shared/protocol/ActionView.ts';
import type {
  ApprovalDecision,
  ApprovalDetails,
  PolicyPromptView,
} from '../../../shared/protocol/approvalMessages.ts';
import type { WalletNetwork } from './NetworkStore.ts';

export type SpendingInput =
  | {
      readonly kind: 'transaction';
      readonly transaction: { readonly to?: Address; readonly value: bigint; readonly data?: Hex };
      /** gas × maxFeePerGas, wei. */
      readonly maxNetworkFee: bigint;
      /** The wallet's own decoding, for the activity log. */
      readonly action: ActionView;
    }
  | { readonly kind: 'typed-data'; readonly typedData: unknown }
  | { readonly kind: 'message' };

export type ApprovedDecision = ApprovalDecision & { approved: true };

export type AuthorizeParameters = {
  /** As the browser reported it. */
  readonly origin: string;
  readonly method: string;
  readonly from: Address;
  readonly network: WalletNetwork;
  readonly input: SpendingInput;
  /** Opens the approval window: the request's own details with the policy's reasons added. */
  readonly ask: (policy: PolicyPromptView) => Promise<ApprovedDecision>;
};

/**
 * A request the policy let through, with its spend reserved. Exactly one of `fail`, `sent` /
 * `broadcastFailed` (transactions, after `attach`) or `signed` (signatures) must follow.
 */
export type SpendingAuthorization = {
  /** How it was let through: without a prompt, in the window, with the password. */
  readonly approval: 'auto' | 'confirmed' | 'password';
  /** The calldata to sign instead of the site's: an unlimited approval the user lowered. */
  readonly data?: Hex;
  /** Signing failed, or anything else before the transaction left: the spend is released. */
  fail(error: unknown): Promise<void>;
  /** The signed transaction, recorded before it is broadcast (a restart then finds it). */
  attach(parameters: { readonly hash: Hex; readonly nonce: number }): Promise<void>;
  /** The node took the transaction: the receipt tracker follows it. */
  sent(hash: Hex): Promise<void>;
  /** The node refused it: the spend is released. */
  broadcastFailed(hash: Hex, error: unknown): Promise<void>;
  /** The signature went to the site: a permit's spend is settled. */
  signed(): Promise<void>;
};

export type RequestPermissionsParameters = {
  readonly origin: string;
  readonly method: 'wallet_requestExecutionPermissions' | 'wallet_grantPermissions';
  readonly params: unknown;
  /** The accounts connected to the site (the first pays unless the request names another). */
  readonly accounts: readonly Address[];
  readonly findNetwork: (chainId: number) => Promise<WalletNetwork | undefined>;
  readonly ask: (
    details: Extract<ApprovalDetails, { kind: 'grant-permissions' }>,
  ) => Promise<ApprovedDecision>;
};

/** An entry of `wallet_getPermissions` for one ERC-7715 grant (EIP-2255's shape). */
export type GrantPermissionEntry = {
  readonly invoker: string;
  readonly parentCapability: 'wallet_requestExecutionPermissions';
  readonly caveats: readonly { readonly type: 'erc7715-permission'; readonly value: unknown }[];
  readonly date: number;
  readonly id: string;
};

export type DappPolicy = {
  /** decide → auto / confirm / step-up / block, then reserve; throws 4001 / 4100 as EIP-1193. */
  authorize(parameters: AuthorizeParameters): Promise<SpendingAuthorization>;
  /** ERC-7715: asks the user, adds the grants to the site's policy, answers the site. */
  requestPermissions(parameters: RequestPermissionsParameters): Promise<unknown[]>;
  /** The site's grants in ERC-7715's response shape (`wallet_getGrantedExecutionPermissions`). */
  grantedPermissions(origin: string): Promise<unknown[]>;
  /** The site's grants as `wallet_getPermissions` entries. */
  permissionEntries(origin: string): Promise<GrantPermissionEntry[]>;
  /** Revokes one grant by its `context`; unknown ones are an error naming the field. */
  revokePermission(origin: string, context: unknown, param: string): Promise<void>;
};

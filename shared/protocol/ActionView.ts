/**
 * What a transaction or a typed-data signature does, as the service worker decoded it itself
 * (describeTransaction, describeTypedData), for the approval window and the policy engine.
 * Plain JSON: amounts are decimal strings of base units; a token's symbol and decimals appear only
 * when the token is one the wallet knows on the active chain, never taken from the site.
 */
import type { Address, Hex } from 'viem';

/** The token an ERC-20 action or a permit is about. */
export type TokenReference = {
  readonly token: Address;
  readonly tokenSymbol?: string;
  readonly tokenDecimals?: number;
};

/**
 * Every transaction view carries `value`: the native amount (wei, decimal string) the transaction
 * sends. A non-zero value is spending whatever the kind, even on an ERC-20 call.
 */
export type NativeTransferView = {
  readonly kind: 'native-transfer';
  readonly to: Address;
  readonly value: string;
};

/**
 * `reference`: bytes after the ABI arguments (TP Pay appends a payment reference to `transfer`),
 * as hex; absent when the calldata ends with the arguments.
 */
export type Erc20TransferView = TokenReference & {
  readonly kind: 'erc20-transfer';
  readonly to: Address;
  readonly amount: string;
  readonly value: string;
  readonly reference?: Hex;
};

/** `isUnlimited`: the amount is at least 2^255 (maxUint256 and its cousins). */
export type Erc20ApproveView = TokenReference & {
  readonly kind: 'erc20-approve';
  readonly spender: Address;
  readonly amount: string;
  readonly isUnlimited: boolean;
  readonly value: string;
  readonly reference?: Hex;
};

export type Erc20TransferFromView = TokenReference & {
  readonly kind: 'erc20-transfer-from';
  readonly from: Address;
  readonly to: Address;
  readonly amount: string;
  readonly value: string;
  readonly reference?: Hex;
};

/** OpenZeppelin 4's `increaseAllowance(spender, addedValue)`; `amount` is the added value. */
export type Erc20IncreaseAllowanceView = TokenReference & {
  readonly kind: 'erc20-increase-allowance';
  readonly spender: Address;
  readonly amount: string;
  readonly isUnlimited: boolean;
  readonly value: string;
  readonly reference?: Hex;
};

/** A transaction without `to`: creates a contract from its data (`dataSize` bytes of init code). */
export type DeployView = {
  readonly kind: 'deploy';
  readonly value: string;
  readonly dataSize: number;
};

/** Calldata the wallet cannot prove the effect of: never auto-approved. */
export type ContractCallView = {
  readonly kind: 'contract-call';
  readonly to: Address;
  readonly value: string;
  /** The first 4 bytes of the calldata, when there are at least 4. */
  readonly selector?: Hex;
  readonly isDecoded: false;
};

export type ActionView =
  | NativeTransferView
  | Erc20TransferView
  | Erc20ApproveView
  | Erc20TransferFromView
  | Erc20IncreaseAllowanceView
  | DeployView
  | ContractCallView;

export type ActionKind = ActionView['kind'];

/** The EIP-712 domain fields that were signed; `chainId` as a decimal string. */
export type TypedDataDomainView = {
  readonly name?: string;
  readonly version?: string;
  readonly chainId?: string;
  readonly verifyingContract?: Address;
  readonly salt?: Hex;
};

/**
 * One token a signature lets `spender` take. `isUnlimited`: the amount is at least half its type's
 * range (2^255 for uint256, 2^159 for Permit2's uint160). `expiresAt`: unix seconds after which the
 * allowance lapses; absent when it never does (an EIP-2612 or DAI allowance stays until spent or
 * changed). Permit2 treats an expiration of 0 as "this block only".
 */
export type AllowanceView = TokenReference & {
  readonly amount: string;
  readonly isUnlimited: boolean;
  readonly expiresAt?: string;
};

/**
 * `deadline`: unix seconds until which the signature itself can be used; absent when it has none
 * (a DAI permit with expiry 0).
 * - permit: EIP-2612; the token is the domain's verifying contract.
 * - dai-permit: `allowed` true is an unlimited allowance, false revokes it (amount 0).
 * - permit2-single / permit2-batch: Permit2 AllowanceTransfer, an allowance held by Permit2.
 * - permit2-transfer / permit2-batch-transfer: Permit2 SignatureTransfer, one pull of at most
 *   `amount` before the deadline.
 */
export type PermitView = {
  readonly kind:
    | 'permit'
    | 'dai-permit'
    | 'permit2-single'
    | 'permit2-batch'
    | 'permit2-transfer'
    | 'permit2-batch-transfer';
  readonly spender: Address;
  readonly allowances: readonly AllowanceView[];
  /** The account whose tokens are permitted, when the message names it (permit, dai-permit). */
  readonly owner?: Address;
  readonly deadline?: string;
  readonly domain: TypedDataDomainView;
};

/**
 * Typed data the wallet does not recognise (or, with `isWellFormed: false`, cannot sign at all):
 * its spend cannot be proven, so it is never auto-approved.
 */
export type GenericTypedDataView = {
  readonly kind: 'generic';
  readonly primaryType?: string;
  readonly domain: TypedDataDomainView;
  readonly isWellFormed: boolean;
};

export type TypedDataView = PermitView | GenericTypedDataView;

export type TypedDataKind = TypedDataView['kind'];

/**
 * Reads the params of `wallet_requestExecutionPermissions` (ERC-7715; `wallet_grantPermissions`,
 * its earlier name, takes the same) into grants the user can be asked to give. Not trusted: all
 * of it comes from a site. The wire shape is MetaMask's (@metamask/smart-accounts-kit): an array
 * of `{ chainId, from?, to, permission: { type, isAdjustmentAllowed, data }, rules? }`, amounts
 * as hex, times as unix seconds; the draft's `signer: { type: 'account', data: { address } }`,
 * `address` and top-level `expiry` are read too. TP Wallet enforces a grant itself (no ERC-7710
 * delegation): a payment the site then requests that fits it is made without a prompt. The
 * recipient is the `payee` rule's single address, else `to` (else the account signer's address).
 * Rules restrict a permission, so an unknown rule refuses the whole request.
 */
import { getAddress, isAddress } from 'viem';
import type { Address } from 'viem';
import { maxAmount } from '../../../shared/money/Asset.ts';
import {
  InvalidPermissionRequestError,
  UnsupportedPermissionRuleError,
  UnsupportedPermissionTypeError,
} from './errors.ts';
import type { Grant } from './Policy.ts';
import {
  readSubscriptionExtension,
  subscriptionExtensionKey,
} from '../subscriptions/readSubscriptionExtension.ts';
import type { SubscriptionExtension } from '../subscriptions/readSubscriptionExtension.ts';

export const supportedPermissionTypes = [
  'native-token-allowance',
  'erc20-token-allowance',
  'native-token-periodic',
  'erc20-token-periodic',
] as const;
export type SupportedPermissionType = (typeof supportedPermissionTypes)[number];
const supportedRuleTypes = ['expiry', 'payee'] as const;

/** A grant as asked for: the wallet adds `id` and `createdAt` when the user agrees. */
export type GrantDraft = Omit<Grant, 'id' | 'createdAt'>;

export type ExecutionPermissionRequest = {
  /** The request as the site sent it, echoed in the response. */
  readonly original: Readonly<Record<string, unknown>>;
  readonly chainId: number;
  /** The account the site asks for (`from`, or the draft's `address`); the user may pick. */
  readonly account?: Address;
  readonly permissionType: SupportedPermissionType;
  /** Whether the user may lower the amount or shorten the time (ERC-7715 attenuation). */
  readonly isAdjustmentAllowed: boolean;
  readonly grant: GrantDraft;
  /**
   * TP Pay's optional, namespaced `"tpPay:subscription"` field (where the subscription behind a
   * periodic grant lives); other wallets ignore it. See extension/background/subscriptions.
   */
  readonly subscription?: SubscriptionExtension;
};

export type ParseExecutionPermissionRequestParameters = {
  /** The RPC `params` as the page sent them. */
  params: unknown;
  /** Unix seconds: the default `startTime`, and expiries must be later. */
  now: number;
};
export type ParseExecutionPermissionRequestReturnType = ExecutionPermissionRequest[];
export type ParseExecutionPermissionRequestErrorType =
  InvalidPermissionRequestError | UnsupportedPermissionTypeError | UnsupportedPermissionRuleError;

const maxRequests = 16;
const maxRules = 16;
const maxJustificationLength = 500;
const maxSeconds = 2 ** 48;
const requestKeys = [
  'chainId',
  'from',
  'address',
  'to',
  'signer',
  'permission',
  'rules',
  'expiry',
  'isAdjustmentAllowed',
  subscriptionExtensionKey,
];
const dataKeys: Readonly<Record<SupportedPermissionType, readonly string[]>> = {
  'native-token-allowance': ['allowanceAmount', 'startTime', 'justification'],
  'erc20-token-allowance': ['tokenAddress', 'allowanceAmount', 'startTime', 'justification'],
  'native-token-periodic': ['periodAmount', 'periodDuration', 'startTime', 'justification'],
  'erc20-token-periodic': [
    'tokenAddress',
    'periodAmount',
    'periodDuration',
    'startTime',
    'justification',
  ],
};

export function parseExecutionPermissionRequest({
  params,
  now,
}: ParseExecutionPermissionRequestParameters): ParseExecutionPermissionRequestReturnType {
  if (!Array.isArray(params) || params.length === 0 || params.length > maxRequests)
    fail('params', `an array of 1 to ${maxRequests} permission requests`);
  return (params as unknown[]).map((entry, index) => readRequest(entry, `params[${index}]`, now));
}

function readRequest(value: unknown, path: string, now: number): ExecutionPermissionRequest {
  const request = readRecord(value, path, requestKeys);
  const chainId = readChainId(request.chainId, `${path}.chainId`);
  const accountValue = request.from ?? request.address;
  const account =
    accountValue === undefined || accountValue === null
      ? undefined
      : readAddress(accountValue, `${path}.${request.from === undefined ? 'address' : 'from'}`);

  const permission = readRecord(request.permission, `${path}.permission`, [
    'type',
    'isAdjustmentAllowed',
    'data',
  ]);
  const type = permission.type;
  if (!(supportedPermissionTypes as readonly unknown[]).includes(type))
    throw new UnsupportedPermissionTypeError({
      field: `${path}.permission.type`,
      type,
      supported: supportedPermissionTypes,
    });
  const permissionType = type as SupportedPermissionType;
  const adjustment = permission.isAdjustmentAllowed ?? request.isAdjustmentAllowed ?? false;
  if (typeof adjustment !== 'boolean')
    fail(`${path}.permission.isAdjustmentAllowed`, 'true or false');

  const dataPath = `${path}.permission.data`;
  const data = readRecord(permission.data, dataPath, dataKeys[permissionType]);
  const isPeriodic = permissionType.endsWith('-periodic');
  const isErc20 = permissionType.startsWith('erc20-');
  const amountKey = isPeriodic ? 'periodAmount' : 'allowanceAmount';
  const amount = readAmount(data[amountKey], `${dataPath}.${amountKey}`);
  const periodSeconds = isPeriodic
    ? readSeconds(data.periodDuration, `${dataPath}.periodDuration`, 1)
    : undefined;
  const startTime =
    data.startTime === undefined || data.startTime === null
      ? now
      : readSeconds(data.startTime, `${dataPath}.startTime`, 0);
  const justification = data.justification;
  if (
    justification !== undefined &&
    justification !== null &&
    (typeof justification !== 'string' || justification.length > maxJustificationLength)
  )
    fail(`${dataPath}.justification`, `text of at most ${maxJustificationLength} characters`);

  const { endTime, payee } = readRules(request, path, now);
  if (endTime !== undefined && endTime <= startTime)
    fail(`${path}.rules`, 'an expiry after the start time');
  const recipient = payee ?? readGrantee(request, path);
  const subscription = readSubscription(request, path, permissionType, periodSeconds);

  return {
    original: request,
    chainId,
    ...(account === undefined ? {} : { account }),
    permissionType,
    isAdjustmentAllowed: adjustment,
    ...(subscription === undefined ? {} : { subscription }),
    grant: {
      chainId,
      asset: isErc20 ? readAddress(data.tokenAddress, `${dataPath}.tokenAddress`) : 'native',
      recipient,
      amount,
      ...(periodSeconds === undefined ? {} : { periodSeconds }),
      startTime,
      ...(endTime === undefined ? {} : { endTime }),
      ...(typeof justification === 'string' ? { justification } : {}),
      source: 'site-request',
    },
  };
}

function readSubscription(
  request: Record<string, unknown>,
  path: string,
  permissionType: SupportedPermissionType,
  periodSeconds: number | undefined,
): SubscriptionExtension | undefined {
  const value = request[subscriptionExtensionKey];
  if (value === undefined || value === null) return undefined;
  const field = `${path}["${subscriptionExtensionKey}"]`;
  if (permissionType !== 'erc20-token-periodic')
    fail(field, 'absent: subscriptions are erc20-token-periodic grants');
  try {
    return readSubscriptionExtension({ value, periodSeconds, path: field });
  } catch (error) {
    const details = (error as { details?: { field?: unknown; expected?: unknown } }).details;
    return fail(
      typeof details?.field === 'string' ? details.field : field,
      typeof details?.expected === 'string' ? details.expected : 'valid',
    );
  }
}

function readRules(
  request: Record<string, unknown>,
  path: string,
  now: number,
): { endTime?: number; payee?: Address } {
  let endTime: number | undefined;
  let payee: Address | undefined;
  const setEnd = (timestamp: number, field: string): void => {
    if (timestamp <= now) fail(field, 'an expiry in the future');
    endTime = endTime === undefined ? timestamp : Math.min(endTime, timestamp);
  };
  if (request.expiry !== undefined && request.expiry !== null)
    setEnd(readSeconds(request.expiry, `${path}.expiry`, 1), `${path}.expiry`);
  const rules = request.rules;
  if (rules === undefined || rules === null) return { endTime, payee };
  if (!Array.isArray(rules) || rules.length > maxRules)
    fail(`${path}.rules`, `a list of at most ${maxRules} rules`);
  (rules as unknown[]).forEach((entry, index) => {
    const rulePath = `${path}.rules[${index}]`;
    const rule = readRecord(entry, rulePath, ['type', 'isAdjustmentAllowed', 'data']);
    const data = readRecord(rule.data, `${rulePath}.data`);
    if (rule.type === 'expiry') {
      // Early drafts of MetaMask's snap sent `expiry`; the published shape is `timestamp`.
      const key = data.timestamp === undefined ? 'expiry' : 'timestamp';
      setEnd(readSeconds(data[key], `${rulePath}.data.${key}`, 1), `${rulePath}.data.${key}`);
    } else if (rule.type === 'payee') {
      const addresses = data.addresses;
      if (!Array.isArray(addresses) || addresses.length !== 1)
        fail(
          `${rulePath}.data.addresses`,
          'exactly one address (a TP Wallet grant pays one recipient)',
        );
      const address = readAddress(addresses[0], `${rulePath}.data.addresses[0]`);
      if (payee !== undefined && payee !== address)
        fail(`${rulePath}.data.addresses`, 'the same recipient as the other payee rule');
      payee = address;
    } else {
      throw new UnsupportedPermissionRuleError({
        field: `${rulePath}.type`,
        type: rule.type,
        supported: supportedRuleTypes,
      });
    }
  });
  return { endTime, payee };
}

/** The account the permission is granted to: `to`, or the draft's account signer. */
function readGrantee(request: Record<string, unknown>, path: string): Address {
  if (request.to !== undefined && request.to !== null) return readAddress(request.to, `${path}.to`);
  const signer = request.signer;
  if (signer !== undefined && signer !== null) {
    const { type, data } = readRecord(signer, `${path}.signer`);
    if (type === 'account') {
      const address = readRecord(data, `${path}.signer.data`).address;
      return readAddress(address, `${path}.signer.data.address`);
    }
  }
  return fail(`${path}.to`, 'the address to pay (or a payee rule with one address)');
}

function readChainId(value: unknown, path: string): number {
  const chainId =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^0x[0-9a-fA-F]{1,13}$/.test(value)
        ? Number.parseInt(value, 16)
        : Number.NaN;
  if (!Number.isSafeInteger(chainId) || chainId < 1) fail(path, 'a chain id (hex, like "0x7a69")');
  return chainId;
}

/** Amounts: hex as on the wire ("0x989680"), a decimal string, or a safe integer. */
function readAmount(value: unknown, path: string): bigint {
  let amount: bigint | undefined;
  if (typeof value === 'bigint') amount = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) amount = BigInt(value);
  else if (typeof value === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(value)) amount = BigInt(value);
  else if (typeof value === 'string' && /^(0|[1-9][0-9]{0,77})$/.test(value))
    amount = BigInt(value);
  if (amount === undefined || amount <= 0n || amount > maxAmount)
    fail(path, 'an amount in base units above 0 (hex like "0x989680")');
  return amount;
}

function readSeconds(value: unknown, path: string, minimum: number): number {
  const seconds =
    typeof value === 'string' && /^0x[0-9a-fA-F]{1,12}$/.test(value)
      ? Number.parseInt(value, 16)
      : value;
  if (
    typeof seconds !== 'number' ||
    !Number.isSafeInteger(seconds) ||
    seconds < minimum ||
    seconds > maxSeconds
  )
    fail(path, 'a whole number of seconds');
  return seconds;
}

function readAddress(value: unknown, path: string): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false }))
    fail(path, 'an address (0x and 40 hex digits)');
  return getAddress(value);
}

function readRecord(
  value: unknown,
  path: string,
  allowed?: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) fail(path, 'a plain object');
  const record = value as Record<string, unknown>;
  if (allowed !== undefined)
    for (const key of Object.keys(record))
      if (!allowed.includes(key))
        fail(`${path}.${key}`, `absent: TP Wallet reads only ${allowed.join(', ')} here`);
  return record;
}

function fail(field: string, expected: string): never {
  throw new InvalidPermissionRequestError({ field, expected });
}

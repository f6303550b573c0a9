import {
  billingIntervalUnits,
  maxIntervalCount,
} from '../../../shared/subscriptions/BillingInterval.ts';
import type { BillingIntervalUnit } from '../../../shared/subscriptions/BillingInterval.ts';
import { shortestPeriodSeconds } from '../../../shared/subscriptions/shortestPeriodSeconds.ts';
import { InvalidSubscriptionExtensionError } from './errors.ts';

/**
 * The optional field of an ERC-7715 permission request in which a TP checkout says where the
 * subscription behind an `erc20-token-periodic` grant lives. Namespaced so that any other wallet
 * ignores it (the standard fields alone are a complete request); TP Wallet stores it beside the
 * grant and uses it to find and pay the renewals.
 */
export const subscriptionExtensionKey = 'tpPay:subscription';

export type SubscriptionExtension = {
  readonly providerUrl: string;
  readonly sessionId: string;
  readonly publishableKey: string;
  readonly interval: BillingIntervalUnit;
  readonly intervalCount: number;
  readonly gracePeriodSeconds: number;
};

export type ReadSubscriptionExtensionParameters = {
  /** The field as the site sent it (not trusted). */
  value: unknown;
  /** The grant's `periodDuration` in seconds (already checked by the ERC-7715 parser). */
  periodSeconds: number | undefined;
  /** Where the field sits, for error messages (`params[0]["tpPay:subscription"]`). */
  path: string;
  /** A dev build may use a provider over plain http on any host; otherwise https or localhost. */
  allowInsecureProvider?: boolean;
};
export type ReadSubscriptionExtensionReturnType = SubscriptionExtension;
export type ReadSubscriptionExtensionErrorType = InvalidSubscriptionExtensionError;

const allowedKeys = [
  'version',
  'providerUrl',
  'sessionId',
  'publishableKey',
  'interval',
  'intervalCount',
  'gracePeriodSeconds',
];

/**
 * Checks the field. Everything in it comes from the site, so it can only narrow what the wallet
 * does: the calendar must match the grant's own `periodDuration` (the shortest period of the
 * interval, as `computeSubscriptionGrant` sets it) and the grace must be shorter than a period,
 * so the calendar can never make payments more frequent than the grant's fixed windows allow.
 */
export function readSubscriptionExtension({
  value,
  periodSeconds,
  path,
  allowInsecureProvider = false,
}: ReadSubscriptionExtensionParameters): ReadSubscriptionExtensionReturnType {
  const fail = (field: string, expected: string): never => {
    throw new InvalidSubscriptionExtensionError({ field: `${path}.${field}`, expected });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('', 'an object');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record))
    if (!allowedKeys.includes(key)) fail(key, `absent (known: ${allowedKeys.join(', ')})`);
  if (record.version !== 1) fail('version', '1');
  const providerUrl = readProviderUrl(record.providerUrl, allowInsecureProvider);
  if (providerUrl === undefined)
    fail('providerUrl', 'an https URL without path or query (http for localhost only)');
  if (typeof record.sessionId !== 'string' || !/^cs_[A-Za-z0-9]{1,64}$/.test(record.sessionId))
    fail('sessionId', 'a checkout session id (cs_…)');
  if (
    typeof record.publishableKey !== 'string' ||
    !/^pk_[A-Za-z0-9_]{1,100}$/.test(record.publishableKey)
  )
    fail('publishableKey', 'a publishable key (pk_…)');
  const interval = record.interval;
  if (!(billingIntervalUnits as readonly unknown[]).includes(interval))
    fail('interval', billingIntervalUnits.join(', '));
  const unit = interval as BillingIntervalUnit;
  const count = record.intervalCount;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 1 ||
    count > maxIntervalCount[unit]
  )
    fail('intervalCount', `a whole number from 1 to ${maxIntervalCount[unit]}`);
  const shortest = shortestPeriodSeconds({ unit, count: count as number });
  if (periodSeconds !== shortest)
    fail('interval', `the calendar of the grant's periodDuration (${String(periodSeconds)} s)`);
  const grace = record.gracePeriodSeconds;
  if (typeof grace !== 'number' || !Number.isInteger(grace) || grace < 1 || grace >= shortest)
    fail('gracePeriodSeconds', `a whole number of seconds from 1 to ${shortest - 1}`);
  return {
    providerUrl: providerUrl as string,
    sessionId: record.sessionId as string,
    publishableKey: record.publishableKey as string,
    interval: unit,
    intervalCount: count as number,
    gracePeriodSeconds: grace as number,
  };
}

function readProviderUrl(value: unknown, allowInsecure: boolean): string | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const isLocal =
    url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  const isSecure =
    url.protocol === 'https:' || (url.protocol === 'http:' && (isLocal || allowInsecure));
  if (
    !isSecure ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== ''
  )
    return undefined;
  if (url.pathname !== '/' && url.pathname !== '') return undefined;
  return url.origin;
}

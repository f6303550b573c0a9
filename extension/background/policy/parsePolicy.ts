/**
 * Reads a policy from storage or from the settings page (JSON: amounts as decimal strings, sites
 * as an object keyed by origin) into `PolicyState`, checking everything: a policy decides what is
 * paid without asking, so anything malformed, unknown or out of range is refused with the field
 * named, never guessed at. Also accepts an in-memory `PolicyState` (bigints, a Map of sites).
 */
import { getAddress, isAddress } from 'viem';
import type { Address } from 'viem';
import { maxAmount, maxAssetDecimals } from '../../../shared/money/Asset.ts';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import { InvalidPolicyError } from './errors.ts';
import type {
  AssetAddress,
  ChainAssetReference,
  EscalationAction,
  Grant,
  Limit,
  LimitUnit,
  LimitWindow,
  PolicyAction,
  PolicyPreset,
  PolicyState,
  SitePolicy,
} from './Policy.ts';

export type ParsePolicyReturnType = PolicyState;
export type ParsePolicyErrorType = InvalidPolicyError;

/** Generous for real use, small enough that a hostile value cannot make checking slow. */
export const policyLimits = {
  sites: 10_000,
  limitsPerScope: 32,
  listEntries: 256,
  grantsPerSite: 64,
  textLength: 500,
} as const;

const actions: readonly PolicyAction[] = ['auto', 'confirm', 'step-up', 'block'];
const escalations: readonly EscalationAction[] = ['confirm', 'step-up', 'block'];
const windows: readonly LimitWindow[] = ['transaction', 'hour', 'day', 'week', '30-days'];
const presets: readonly PolicyPreset[] = [
  'ask',
  'trusted-shop',
  'micropayments',
  'subscriptions',
  'custom',
];
/** 2^48 seconds is millions of years: enough for any real time, exact as a number. */
const maxSeconds = 2 ** 48;

export function parsePolicy(value: unknown): ParsePolicyReturnType {
  const root = readRecord(value, 'policy', [
    'version',
    'currency',
    'isFrozen',
    'walletLimits',
    'maxPriceAgeSeconds',
    'stablecoinToleranceBasisPoints',
    'maxAutoNetworkFee',
    'siteDefaults',
    'sites',
  ]);
  if (root.version !== 1) fail('version', '1');
  const currency = root.currency;
  if (typeof currency !== 'string' || !isCurrency(currency))
    fail('currency', 'an ISO 4217 code like "EUR"');
  const sitesValue = root.sites;
  const siteEntries: [string, unknown][] =
    sitesValue instanceof Map
      ? [...(sitesValue as Map<unknown, unknown>)].map(([key, site]) => [String(key), site])
      : Object.entries(readRecord(sitesValue, 'sites'));
  if (siteEntries.length > policyLimits.sites) fail('sites', `at most ${policyLimits.sites} sites`);
  const sites = new Map<string, SitePolicy>();
  for (const [origin, site] of siteEntries) {
    if (!isOrigin(origin)) fail(`sites[${JSON.stringify(origin)}]`, 'keyed by an exact origin');
    sites.set(origin, readSite(site, `sites[${JSON.stringify(origin)}]`));
  }
  return {
    version: 1,
    currency,
    isFrozen: readBoolean(root.isFrozen, 'isFrozen'),
    walletLimits: readLimits(root.walletLimits, 'walletLimits'),
    maxPriceAgeSeconds: readInteger(root.maxPriceAgeSeconds, 'maxPriceAgeSeconds', 1, 86_400),
    stablecoinToleranceBasisPoints: readInteger(
      root.stablecoinToleranceBasisPoints,
      'stablecoinToleranceBasisPoints',
      0,
      1_000,
    ),
    ...(root.maxAutoNetworkFee === undefined
      ? {}
      : { maxAutoNetworkFee: readAmount(root.maxAutoNetworkFee, 'maxAutoNetworkFee') }),
    siteDefaults: readSite(root.siteDefaults, 'siteDefaults'),
    sites,
  };
}

function readSite(value: unknown, path: string): SitePolicy {
  const site = readRecord(value, path, [
    'preset',
    'payments',
    'unprovable',
    'limits',
    'allowedChainIds',
    'allowedAssets',
    'allowedRecipients',
    'whenNotAllowed',
    'confirmNewRecipients',
    'grants',
  ]);
  const grants = readList(site.grants, `${path}.grants`, policyLimits.grantsPerSite, readGrant);
  const ids = new Set(grants.map((grant) => grant.id));
  if (ids.size !== grants.length) fail(`${path}.grants`, 'grants with distinct ids');
  return {
    preset: readChoice(site.preset, `${path}.preset`, presets),
    payments: readChoice(site.payments, `${path}.payments`, actions),
    unprovable: readChoice(site.unprovable, `${path}.unprovable`, escalations),
    limits: readLimits(site.limits, `${path}.limits`),
    ...(site.allowedChainIds === undefined
      ? {}
      : {
          allowedChainIds: readList(
            site.allowedChainIds,
            `${path}.allowedChainIds`,
            policyLimits.listEntries,
            readChainId,
          ),
        }),
    ...(site.allowedAssets === undefined
      ? {}
      : {
          allowedAssets: readList(
            site.allowedAssets,
            `${path}.allowedAssets`,
            policyLimits.listEntries,
            (entry, entryPath) => {
              const asset = readRecord(entry, entryPath, ['chainId', 'asset']);
              return readAssetReference(asset, entryPath);
            },
          ),
        }),
    ...(site.allowedRecipients === undefined
      ? {}
      : {
          allowedRecipients: readList(
            site.allowedRecipients,
            `${path}.allowedRecipients`,
            policyLimits.listEntries,
            readAddress,
          ),
        }),
    whenNotAllowed: readChoice(site.whenNotAllowed, `${path}.whenNotAllowed`, escalations),
    confirmNewRecipients: readBoolean(site.confirmNewRecipients, `${path}.confirmNewRecipients`),
    grants,
  };
}

function readLimits(value: unknown, path: string): Limit[] {
  return readList(value, path, policyLimits.limitsPerScope, (entry, entryPath) => {
    const limit = readRecord(entry, entryPath, ['window', 'unit', 'amount', 'whenExceeded']);
    return {
      window: readChoice(limit.window, `${entryPath}.window`, windows),
      unit: readUnit(limit.unit, `${entryPath}.unit`),
      amount: readAmount(limit.amount, `${entryPath}.amount`),
      whenExceeded: readChoice(limit.whenExceeded, `${entryPath}.whenExceeded`, escalations),
    };
  });
}

function readUnit(value: unknown, path: string): LimitUnit {
  const unit = readRecord(value, path, ['kind', 'chainId', 'asset', 'symbol', 'decimals']);
  if (unit.kind === 'fiat') {
    if (Object.keys(unit).length !== 1) fail(path, '{ "kind": "fiat" } and nothing else');
    return { kind: 'fiat' };
  }
  if (unit.kind !== 'token') fail(`${path}.kind`, '"fiat" or "token"');
  const symbol = unit.symbol;
  if (typeof symbol !== 'string' || symbol.length === 0 || symbol.length > 32)
    fail(`${path}.symbol`, 'a symbol of 1 to 32 characters');
  return {
    kind: 'token',
    ...readAssetReference(unit, path),
    symbol,
    decimals: readInteger(unit.decimals, `${path}.decimals`, 0, maxAssetDecimals),
  };
}

function readGrant(value: unknown, path: string): Grant {
  const grant = readRecord(value, path, [
    'id',
    'chainId',
    'asset',
    'recipient',
    'amount',
    'periodSeconds',
    'startTime',
    'endTime',
    'justification',
    'source',
    'createdAt',
  ]);
  const id = grant.id;
  if (typeof id !== 'string' || !/^[0-9A-Za-z_-]{1,128}$/.test(id))
    fail(`${path}.id`, 'an id of 1 to 128 letters, digits, "_" or "-"');
  const amount = readAmount(grant.amount, `${path}.amount`);
  if (amount === 0n) fail(`${path}.amount`, 'more than 0');
  const startTime = readInteger(grant.startTime, `${path}.startTime`, 0, maxSeconds);
  const endTime =
    grant.endTime === undefined
      ? undefined
      : readInteger(grant.endTime, `${path}.endTime`, startTime + 1, maxSeconds);
  const justification = grant.justification;
  if (
    justification !== undefined &&
    (typeof justification !== 'string' || justification.length > policyLimits.textLength)
  )
    fail(`${path}.justification`, `text of at most ${policyLimits.textLength} characters`);
  return {
    id,
    ...readAssetReference(grant, path),
    recipient: readAddress(grant.recipient, `${path}.recipient`),
    amount,
    ...(grant.periodSeconds === undefined
      ? {}
      : {
          periodSeconds: readInteger(grant.periodSeconds, `${path}.periodSeconds`, 1, maxSeconds),
        }),
    startTime,
    ...(endTime === undefined ? {} : { endTime }),
    ...(justification === undefined ? {} : { justification }),
    source: readChoice(grant.source, `${path}.source`, ['user', 'site-request'] as const),
    createdAt: readInteger(grant.createdAt, `${path}.createdAt`, 0, maxSeconds),
  };
}

function readAssetReference(record: Record<string, unknown>, path: string): ChainAssetReference {
  const asset: AssetAddress =
    record.asset === 'native' ? 'native' : readAddress(record.asset, `${path}.asset`);
  return { chainId: readChainId(record.chainId, `${path}.chainId`), asset };
}

function readChainId(value: unknown, path: string): number {
  return readInteger(value, path, 1, Number.MAX_SAFE_INTEGER);
}

function readAddress(value: unknown, path: string): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false }))
    fail(path, 'an address (0x and 40 hex digits)');
  return getAddress(value);
}

/** Base units: a bigint or a decimal string of digits, from 0 to 2^256 - 1. */
function readAmount(value: unknown, path: string): bigint {
  const amount =
    typeof value === 'bigint'
      ? value
      : typeof value === 'string' && /^(0|[1-9][0-9]{0,77})$/.test(value)
        ? BigInt(value)
        : undefined;
  if (amount === undefined || amount < 0n || amount > maxAmount)
    fail(path, 'an amount in base units: a decimal string of digits below 2^256');
  return amount;
}

function readInteger(value: unknown, path: string, minimum: number, maximum: number): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < minimum ||
    value > maximum
  )
    fail(path, `an integer from ${minimum} to ${maximum}`);
  return value;
}

function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false');
  return value;
}

function readChoice<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value))
    fail(path, `one of ${choices.map((choice) => `"${choice}"`).join(', ')}`);
  return value as T;
}

function readList<T>(
  value: unknown,
  path: string,
  maximum: number,
  readEntry: (entry: unknown, entryPath: string) => T,
): T[] {
  if (!Array.isArray(value) || value.length > maximum)
    fail(path, `a list of at most ${maximum} entries`);
  return (value as unknown[]).map((entry, index) => readEntry(entry, `${path}[${index}]`));
}

/** A plain object with only the `allowed` keys (when given). */
function readRecord(
  value: unknown,
  path: string,
  allowed?: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Map)
    fail(path, 'an object');
  const record = value as Record<string, unknown>;
  if (allowed !== undefined)
    for (const key of Object.keys(record))
      if (!allowed.includes(key)) fail(`${path}.${key}`, 'absent (not part of a policy)');
  return record;
}

function isCurrency(code: string): boolean {
  try {
    fiatCurrency(code);
    return true;
  } catch {
    return false;
  }
}

/** `https://shop.example` or `http://127.0.0.1:5173`: exactly what URL.origin gives back. */
function isOrigin(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.origin === value && url.origin !== 'null';
  } catch {
    return false;
  }
}

function fail(field: string, expected: string): never {
  throw new InvalidPolicyError({ field, expected });
}

/**
 * The policy engine: (policy, ledger, request, prices, now) → one action and every rule behind
 * it. Pure (it only reads the ledger view) and synchronous, so `reserve` can run it again inside
 * the ledger's transaction. Trusted: every input (the wallet built them; `request` from its own
 * decoders). The rules, in plain words, are in README.md; the action is the highest any rule asks.
 */
import { getAddress } from 'viem';
import type { Address } from 'viem';
import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import type { FiatCurrencyErrorType } from '../../../shared/money/fiatCurrency.ts';
import type { Decision, DecisionReason, GrantReason, LimitReason, ReasonUnit } from './Decision.ts';
import type { LedgerScope, LedgerView } from './LedgerView.ts';
import { limitWindowMilliseconds, policyActionRank } from './Policy.ts';
import type {
  ChainAssetReference,
  Grant,
  Limit,
  PolicyAction,
  PolicyState,
  SitePolicy,
} from './Policy.ts';
import type { PolicyRequest } from './PolicyRequest.ts';
import type { PriceSnapshot } from './PriceSnapshot.ts';
import type { ReservedSpend } from './Reservation.ts';
import type { Spend } from './Spend.ts';
import { toAssetKey } from './toAssetKey.ts';
import { valueInFiat } from './valueInFiat.ts';
import type { FiatValuation } from './valueInFiat.ts';

export type DecideParameters = {
  policy: PolicyState;
  ledger: LedgerView;
  request: PolicyRequest;
  prices: PriceSnapshot;
  now: Date;
};
export type DecideReturnType = Decision;
/** Only for a policy that did not come through `parsePolicy` (an unknown currency). */
export type DecideErrorType = FiatCurrencyErrorType;

type PriceProblem = { asset: ChainAssetReference; status: 'missing' | 'stale' | 'off-peg' };
type FiatAmount = { value: bigint; isUnknown: boolean };

export function decide({ policy, ledger, request, prices, now }: DecideParameters): Decision {
  const nowMilliseconds = now.getTime();
  const nowSeconds = Math.floor(nowMilliseconds / 1000);
  const { origin, extraction } = request;
  const site: SitePolicy = policy.sites.get(origin) ?? policy.siteDefaults;
  const { currency } = policy;
  const fiatUnit: ReasonUnit = {
    kind: 'fiat',
    currency,
    decimals: fiatCurrency(currency).decimals,
  };
  const siteScope: LedgerScope = { kind: 'site', origin };
  const walletScope: LedgerScope = { kind: 'wallet' };
  const reasons: DecisionReason[] = [];
  const priceProblems = new Map<string, PriceProblem>();

  const value = (asset: ChainAssetReference, amount: bigint): FiatValuation =>
    valueInFiat({
      asset,
      amount,
      currency,
      prices,
      now: nowMilliseconds,
      maxPriceAgeSeconds: policy.maxPriceAgeSeconds,
      stablecoinToleranceBasisPoints: policy.stablecoinToleranceBasisPoints,
    });
  /** A valuation used for a cap: anything but a clean price keeps the request from `auto`. */
  const use = (asset: ChainAssetReference, valuation: FiatValuation): bigint | undefined => {
    if (valuation.status !== 'priced')
      priceProblems.set(toAssetKey(asset), {
        asset: { chainId: asset.chainId, asset: asset.asset },
        status: valuation.status,
      });
    return 'value' in valuation ? valuation.value : undefined;
  };

  const valuations = extraction.spends.map((spend) => value(spend, spend.amount));
  const spends: ReservedSpend[] = extraction.spends.map((spend, index) => {
    const valuation = valuations[index];
    return valuation !== undefined && 'value' in valuation
      ? { ...spend, fiatValue: valuation.value }
      : spend;
  });

  let requestFiat: FiatAmount | undefined;
  const fiatOfRequest = (): FiatAmount => {
    if (requestFiat !== undefined) return requestFiat;
    let total = 0n;
    let isUnknown = false;
    extraction.spends.forEach((spend, index) => {
      const valuation = valuations[index];
      const fiat = valuation === undefined ? undefined : use(spend, valuation);
      if (fiat === undefined) isUnknown = true;
      else total += fiat;
    });
    requestFiat = { value: total, isUnknown };
    return requestFiat;
  };

  const usage = new Map<string, FiatAmount | bigint>();
  const fiatUsedSince = (scope: LedgerScope, since: number): FiatAmount => {
    const key = `${scope.kind}|fiat|${since}`;
    const cached = usage.get(key);
    if (cached !== undefined && typeof cached !== 'bigint') return cached;
    const { value: priced, unpriced } = ledger.fiatSince(scope, since, currency);
    let total = priced;
    let isUnknown = false;
    for (const [assetKey, amount] of unpriced) {
      const asset = fromAssetKey(assetKey);
      const fiat = use(asset, value(asset, amount));
      if (fiat === undefined) isUnknown = true;
      else total += fiat;
    }
    const result = { value: total, isUnknown };
    usage.set(key, result);
    return result;
  };
  const amountUsedSince = (scope: LedgerScope, since: number, assetKey: string): bigint => {
    const key = `${scope.kind}|${assetKey}|${since}`;
    const cached = usage.get(key);
    if (typeof cached === 'bigint') return cached;
    const result = ledger.amountSince(scope, since, assetKey);
    usage.set(key, result);
    return result;
  };

  const evaluateLimit = (limit: Limit, scopeName: 'site' | 'wallet'): LimitReason | undefined => {
    const scope = scopeName === 'site' ? siteScope : walletScope;
    const since =
      limit.window === 'transaction'
        ? undefined
        : nowMilliseconds - limitWindowMilliseconds[limit.window];
    let used: FiatAmount;
    let amount: FiatAmount;
    let unit: ReasonUnit;
    if (limit.unit.kind === 'fiat') {
      if (extraction.spends.length === 0) return undefined;
      amount = fiatOfRequest();
      used = since === undefined ? { value: 0n, isUnknown: false } : fiatUsedSince(scope, since);
      unit = fiatUnit;
    } else {
      const assetKey = toAssetKey(limit.unit);
      const matching = extraction.spends.filter((spend) => toAssetKey(spend) === assetKey);
      if (matching.length === 0) return undefined;
      amount = { value: sum(matching), isUnknown: false };
      used = {
        value: since === undefined ? 0n : amountUsedSince(scope, since, assetKey),
        isUnknown: false,
      };
      unit = limit.unit;
    }
    const total = used.value + amount.value;
    const isExceeded = total > limit.amount;
    const isUnknown = used.isUnknown || amount.isUnknown;
    return {
      rule: 'limit',
      scope: scopeName,
      window: limit.window,
      unit,
      used: used.value,
      amount: amount.value,
      limit: limit.amount,
      remaining: isExceeded ? 0n : limit.amount - total,
      isExceeded,
      isUnknown,
      action: isExceeded ? limit.whenExceeded : isUnknown ? 'confirm' : 'auto',
    };
  };

  const grantReasons = extraction.isProvable
    ? matchGrants(site.grants, request, ledger, nowSeconds, prices)
    : [];
  const fittingGrant = grantReasons.find((reason) => reason.fits);

  if (fittingGrant !== undefined) {
    // The user agreed to this payment when granting it: the site's own rules do not apply.
    reasons.push(fittingGrant);
  } else {
    if (extraction.spends.length === 0) {
      reasons.push(
        extraction.isProvable
          ? { rule: 'no-spend', action: 'confirm' }
          : {
              rule: 'unprovable',
              reason: extraction.unprovableReason ?? 'unknown-calldata',
              action: site.unprovable,
            },
      );
    } else {
      if (!extraction.isProvable)
        reasons.push({
          rule: 'unprovable',
          reason: extraction.unprovableReason ?? 'unknown-calldata',
          action: site.unprovable,
        });
      reasons.push({ rule: 'site-payments', preset: site.preset, action: site.payments });
      reasons.push(...grantReasons);
      reasons.push(...checkAllowLists(site, request));
      if (site.confirmNewRecipients) reasons.push(...checkNewRecipients(request, ledger));
      for (const limit of site.limits) {
        const reason = evaluateLimit(limit, 'site');
        if (reason !== undefined) reasons.push(reason);
      }
    }
  }
  for (const limit of policy.walletLimits) {
    const reason = evaluateLimit(limit, 'wallet');
    if (reason !== undefined) reasons.push(reason);
  }
  for (const spend of extraction.spends) {
    if (spend.isUnlimited)
      reasons.push({
        rule: 'unlimited-approval',
        asset: { chainId: spend.chainId, asset: spend.asset },
        ...(spend.recipient === undefined ? {} : { recipient: spend.recipient }),
        action: 'confirm',
      });
  }
  const { maxNetworkFee } = request;
  if (maxNetworkFee !== undefined && policy.maxAutoNetworkFee !== undefined) {
    const native: ChainAssetReference = { chainId: request.chainId, asset: 'native' };
    const fee = use(native, value(native, maxNetworkFee));
    const limit = policy.maxAutoNetworkFee;
    reasons.push({
      rule: 'network-fee',
      fee: maxNetworkFee,
      ...(fee === undefined ? {} : { value: fee }),
      limit,
      action: fee !== undefined && fee <= limit ? 'auto' : 'confirm',
    });
  }
  for (const { asset, status } of priceProblems.values())
    reasons.push({ rule: 'price-unavailable', asset, status, action: 'confirm' });
  if (policy.isFrozen) reasons.push({ rule: 'kill-switch', action: 'confirm' });

  let action: PolicyAction = 'auto';
  for (const reason of reasons)
    if (policyActionRank[reason.action] > policyActionRank[action]) action = reason.action;
  return {
    action,
    reasons,
    spends,
    currency,
    ...(fittingGrant === undefined ? {} : { grantId: fittingGrant.grantId }),
  };
}

/**
 * The grants whose chain, asset and recipient match a payment made only of transfers; each says
 * whether the payment fits it now (fixed periods from the start, as ERC-7715 and Coinbase's
 * SpendPermission count them: unspent allowance never carries over).
 */
function matchGrants(
  grants: readonly Grant[],
  request: PolicyRequest,
  ledger: LedgerView,
  nowSeconds: number,
  prices: PriceSnapshot,
): GrantReason[] {
  const { spends } = request.extraction;
  const first = spends[0];
  if (first === undefined || grants.length === 0) return [];
  const assetKey = toAssetKey(first);
  const recipient = first.recipient?.toLowerCase();
  const isOnePayment = spends.every(
    (spend) =>
      spend.kind === 'transfer' &&
      toAssetKey(spend) === assetKey &&
      spend.recipient?.toLowerCase() === recipient &&
      spend.chainId === request.chainId,
  );
  if (!isOnePayment || recipient === undefined) return [];
  const amount = sum(spends);
  const reasons: GrantReason[] = [];
  for (const grant of grants) {
    if (toAssetKey(grant) !== assetKey || grant.recipient.toLowerCase() !== recipient) continue;
    const hasStarted = nowSeconds >= grant.startTime;
    const hasEnded = grant.endTime !== undefined && nowSeconds >= grant.endTime;
    const periodIndex =
      grant.periodSeconds === undefined || !hasStarted
        ? 0
        : Math.floor((nowSeconds - grant.startTime) / grant.periodSeconds);
    const periodStart =
      grant.periodSeconds === undefined
        ? grant.startTime
        : grant.startTime + periodIndex * grant.periodSeconds;
    const periodEnd =
      grant.periodSeconds === undefined ? grant.endTime : periodStart + grant.periodSeconds;
    const used = ledger.grantUsedSince(grant.id, periodStart * 1000);
    const fits = hasStarted && !hasEnded && used + amount <= grant.amount;
    const quote = prices.quotes.get(assetKey);
    reasons.push({
      rule: 'grant',
      grantId: grant.id,
      fits,
      unit: {
        kind: 'token',
        chainId: grant.chainId,
        asset: grant.asset,
        ...(quote === undefined ? {} : { symbol: quote.symbol, decimals: quote.decimals }),
      },
      used,
      amount,
      limit: grant.amount,
      remaining: used + amount >= grant.amount ? 0n : grant.amount - used - amount,
      periodStart,
      ...(periodEnd === undefined ? {} : { periodEnd }),
      action: 'auto',
    });
  }
  return reasons;
}

function checkAllowLists(site: SitePolicy, request: PolicyRequest): DecisionReason[] {
  const reasons: DecisionReason[] = [];
  const action = site.whenNotAllowed;
  const { allowedChainIds, allowedAssets, allowedRecipients } = site;
  const spends = request.extraction.spends;
  if (allowedChainIds !== undefined) {
    const chainIds = new Set([request.chainId, ...spends.map((spend) => spend.chainId)]);
    for (const chainId of chainIds)
      if (!allowedChainIds.includes(chainId))
        reasons.push({ rule: 'chain-not-allowed', chainId, action });
  }
  if (allowedAssets !== undefined) {
    const allowed = new Set(allowedAssets.map(toAssetKey));
    const seen = new Set<string>();
    for (const spend of spends) {
      const key = toAssetKey(spend);
      if (allowed.has(key) || seen.has(key)) continue;
      seen.add(key);
      reasons.push({
        rule: 'asset-not-allowed',
        asset: { chainId: spend.chainId, asset: spend.asset },
        action,
      });
    }
  }
  if (allowedRecipients !== undefined) {
    const allowed = new Set(allowedRecipients.map((address) => address.toLowerCase()));
    const seen = new Set<string>();
    for (const spend of spends) {
      const key = spend.recipient?.toLowerCase() ?? '';
      if (allowed.has(key) || seen.has(key)) continue;
      seen.add(key);
      reasons.push({
        rule: 'recipient-not-allowed',
        ...(spend.recipient === undefined ? {} : { recipient: spend.recipient }),
        action,
      });
    }
  }
  return reasons;
}

function checkNewRecipients(request: PolicyRequest, ledger: LedgerView): DecisionReason[] {
  const reasons: DecisionReason[] = [];
  const seen = new Set<string>();
  for (const { chainId, recipient } of request.extraction.spends) {
    if (recipient === undefined) continue;
    const key = `${chainId}:${recipient.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!ledger.hasPaid(request.origin, chainId, recipient))
      reasons.push({ rule: 'new-recipient', chainId, recipient, action: 'confirm' });
  }
  return reasons;
}

function sum(spends: readonly Spend[]): bigint {
  let total = 0n;
  for (const spend of spends) total += spend.amount;
  return total;
}

/** Checksummed addresses by lower-case key: checksumming hashes, and keys repeat. */
const checksummed = new Map<string, Address>();

/** Inverse of `toAssetKey` (`1:native`, `1:0xabc…`), with the address checksummed again. */
function fromAssetKey(key: string): ChainAssetReference {
  const separator = key.indexOf(':');
  const asset = key.slice(separator + 1);
  if (asset === 'native') return { chainId: Number(key.slice(0, separator)), asset };
  let address = checksummed.get(asset);
  if (address === undefined) {
    address = getAddress(asset);
    if (checksummed.size < 10_000) checksummed.set(asset, address);
  }
  return { chainId: Number(key.slice(0, separator)), asset: address };
}

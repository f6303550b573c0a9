import type { Grant, Limit, PolicyState, SitePolicy } from './Policy.ts';

export type SerializePolicyReturnType = Record<string, unknown>;

/**
 * A policy as plain JSON for `storage.local` (which cannot hold bigints or Maps): amounts as
 * decimal strings, sites as an object keyed by origin. `parsePolicy` reads it back.
 */
export function serializePolicy(policy: PolicyState): SerializePolicyReturnType {
  return {
    version: policy.version,
    currency: policy.currency,
    isFrozen: policy.isFrozen,
    walletLimits: policy.walletLimits.map(serializeLimit),
    maxPriceAgeSeconds: policy.maxPriceAgeSeconds,
    stablecoinToleranceBasisPoints: policy.stablecoinToleranceBasisPoints,
    ...(policy.maxAutoNetworkFee === undefined
      ? {}
      : { maxAutoNetworkFee: policy.maxAutoNetworkFee.toString() }),
    siteDefaults: serializeSite(policy.siteDefaults),
    sites: Object.fromEntries(
      [...policy.sites].map(([origin, site]) => [origin, serializeSite(site)]),
    ),
  };
}

function serializeSite(site: SitePolicy): Record<string, unknown> {
  return {
    ...site,
    limits: site.limits.map(serializeLimit),
    grants: site.grants.map(serializeGrant),
  };
}

function serializeLimit(limit: Limit): Record<string, unknown> {
  return { ...limit, amount: limit.amount.toString() };
}

function serializeGrant(grant: Grant): Record<string, unknown> {
  return { ...grant, amount: grant.amount.toString() };
}

import { InvalidPolicyError } from './errors.ts';
import type { Grant, PolicyState } from './Policy.ts';
import { policyLimits } from './parsePolicy.ts';

export type AddGrantParameters = { policy: PolicyState; origin: string; grant: Grant };
export type AddGrantReturnType = PolicyState;
export type AddGrantErrorType = InvalidPolicyError;

/**
 * The policy with `grant` added to the site's own policy (made from the wallet's defaults when
 * the site has none): a grant is part of the site's policy from then on. The caller persists it.
 */
export function addGrant({ policy, origin, grant }: AddGrantParameters): AddGrantReturnType {
  const site = policy.sites.get(origin) ?? policy.siteDefaults;
  if (site.grants.some((existing) => existing.id === grant.id))
    throw new InvalidPolicyError({ field: 'grant.id', expected: 'an id no grant of the site has' });
  if (site.grants.length >= policyLimits.grantsPerSite)
    throw new InvalidPolicyError({
      field: 'grants',
      expected: `at most ${policyLimits.grantsPerSite} grants per site`,
    });
  const sites = new Map(policy.sites);
  sites.set(origin, { ...site, grants: [...site.grants, grant] });
  return { ...policy, sites };
}

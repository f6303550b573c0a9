import type { CreatePlanBody } from '../../shared/providerApi/Plan.ts';
import { planLimits } from '../../shared/providerApi/Plan.ts';
import type { AcceptedAsset } from '../../shared/providerApi/CheckoutSession.ts';
import { findChainAsset } from '../../shared/chains/findChainAsset.ts';
import { maxIntervalCount } from '../../shared/subscriptions/BillingInterval.ts';
import type { BillingInterval } from '../../shared/subscriptions/BillingInterval.ts';
import { shortestPeriodSeconds } from '../../shared/subscriptions/shortestPeriodSeconds.ts';
import { parseCreateSessionBody } from '../checkout/parseCreateSessionBody.ts';
import { ApiError } from '../http/errors.ts';
import type { Pair } from '../rates/Pair.ts';

export type ParseCreatePlanBodyParameters = {
  /** Already checked against the JSON schema (types, lengths, patterns). */
  body: CreatePlanBody;
  /** The pairs the provider prices: each accepted asset needs `ASSET/CURRENCY` among them. */
  pricedPairs: readonly Pair[];
};

export type NewPlan = {
  name: string;
  amountMinor: bigint;
  currency: string;
  interval: BillingInterval;
  trialDays: number;
  cycles: number | null;
  allowanceMarginPercent: number;
  gracePeriodHours: number;
  recipients: Record<string, string>;
  acceptedAssets: AcceptedAsset[];
  metadata: Record<string, string>;
};

export type ParseCreatePlanBodyReturnType = NewPlan;
export type ParseCreatePlanBodyErrorType = ApiError;

/**
 * What the schema cannot say about a new plan. The price, currency, recipients, assets and
 * metadata are checked exactly as a checkout session's (each period is paid through one); on
 * top: tokens only (the allowance is an ERC-20 one), a count within one year for the unit, and a
 * grace period shorter than the shortest period (so two renewals are never due at once).
 */
export function parseCreatePlanBody({
  body,
  pricedPairs,
}: ParseCreatePlanBodyParameters): ParseCreatePlanBodyReturnType {
  const session = parseCreateSessionBody({
    body: {
      amount_minor: body.amount_minor,
      currency: body.currency,
      recipients: body.recipients,
      accepted_assets: body.accepted_assets,
      ...(body.metadata === undefined ? {} : { metadata: body.metadata }),
    },
    pricedPairs,
  });
  session.acceptedAssets.forEach(({ chain_id: chainId, asset }, index) => {
    if (findChainAsset({ chainId, symbol: asset })?.address === null) {
      throw invalid(
        `accepted_assets[${index}]`,
        `${asset} is the native coin of chain ${chainId}: subscriptions are paid in ERC-20 tokens.`,
      );
    }
  });

  const count = body.interval_count ?? 1;
  if (count > maxIntervalCount[body.interval]) {
    throw invalid(
      'interval_count',
      `A period is at most one year: ${maxIntervalCount[body.interval]} for ${body.interval}.`,
    );
  }
  const interval: BillingInterval = { unit: body.interval, count };
  const shortestHours = shortestPeriodSeconds(interval) / 3600;
  const gracePeriodHours =
    body.grace_period_hours ??
    Math.max(1, Math.min(planLimits.defaultGracePeriodHours, Math.floor(shortestHours / 2)));
  if (gracePeriodHours >= shortestHours) {
    throw invalid(
      'grace_period_hours',
      `The grace period must be shorter than the shortest period (${shortestHours} hours).`,
    );
  }

  return {
    name: body.name,
    amountMinor: session.amountMinor,
    currency: session.currency,
    interval,
    trialDays: body.trial_days ?? 0,
    cycles: body.cycles ?? null,
    allowanceMarginPercent:
      body.allowance_margin_percent ?? planLimits.defaultAllowanceMarginPercent,
    gracePeriodHours,
    recipients: session.recipients,
    acceptedAssets: session.acceptedAssets,
    metadata: session.metadata,
  };
}

function invalid(param: string, message: string): ApiError {
  return new ApiError({ code: 'invalid_request', message, param });
}

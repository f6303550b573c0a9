import { divideRounded } from '../money/divideRounded.ts';
import type { CheckoutQuote } from '../providerApi/CheckoutQuote.ts';
import type { Plan } from '../providerApi/Plan.ts';
import type { SubscriptionGrant } from '../providerApi/Subscription.ts';
import { addIntervals } from './addIntervals.ts';
import type { AddIntervalsErrorType } from './addIntervals.ts';
import { InvalidSubscriptionTermsError } from './errors.ts';
import { shortestPeriodSeconds } from './shortestPeriodSeconds.ts';

export type ComputeSubscriptionGrantParameters = {
  plan: Pick<
    Plan,
    | 'interval'
    | 'interval_count'
    | 'trial_days'
    | 'cycles'
    | 'allowance_margin_percent'
    | 'grace_period_hours'
  >;
  /** The quote locked on the subscription's first checkout session for the asset chosen. */
  quote: Pick<
    CheckoutQuote,
    'chain_id' | 'asset' | 'token_address' | 'decimals' | 'recipient' | 'amount' | 'created_at'
  >;
};
export type ComputeSubscriptionGrantReturnType = SubscriptionGrant;
export type ComputeSubscriptionGrantErrorType =
  InvalidSubscriptionTermsError | AddIntervalsErrorType;

const daySeconds = 86_400;

/**
 * The allowance a subscription needs, from its plan and the first quote. The widget computes it
 * to ask the wallet before paying; the provider computes it again, the same way, when the
 * subscription starts. Everything follows from the quote:
 * - billing anchor (`start_time`): the quote's lock time in whole seconds, plus the trial;
 * - `period_amount`: the quoted amount plus the margin, rounded up (renewals are re-quoted at
 *   the rate of their day, and fit as long as the rate moved less than the margin);
 * - `expiry`: the end of the last cycle's grace period, or null when the plan has no end.
 */
export function computeSubscriptionGrant({
  plan,
  quote,
}: ComputeSubscriptionGrantParameters): ComputeSubscriptionGrantReturnType {
  if (quote.token_address === null) {
    throw new InvalidSubscriptionTermsError({
      field: 'quote.token_address',
      expected: 'an ERC-20 token (a periodic allowance is a token allowance)',
      received: quote.token_address,
    });
  }
  const margin = plan.allowance_margin_percent;
  if (!Number.isInteger(margin) || margin < 0 || margin > 100) {
    throw new InvalidSubscriptionTermsError({
      field: 'plan.allowance_margin_percent',
      expected: 'a whole percentage',
      received: margin,
    });
  }
  if (!/^[1-9][0-9]{0,77}$/.test(quote.amount)) {
    throw new InvalidSubscriptionTermsError({
      field: 'quote.amount',
      expected: 'a positive whole number of base units',
      received: quote.amount,
    });
  }
  const lockedAtMs = Date.parse(quote.created_at);
  if (Number.isNaN(lockedAtMs)) {
    throw new InvalidSubscriptionTermsError({
      field: 'quote.created_at',
      expected: 'an ISO 8601 time',
      received: quote.created_at,
    });
  }
  const interval = { unit: plan.interval, count: plan.interval_count };
  const startTime = Math.floor(lockedAtMs / 1000) + plan.trial_days * daySeconds;
  const graceSeconds = plan.grace_period_hours * 3600;
  const expiry =
    plan.cycles === null
      ? null
      : addIntervals({
          anchor: new Date(startTime * 1000),
          interval,
          periods: plan.cycles - 1,
        }).getTime() /
          1000 +
        graceSeconds;
  return {
    type: 'erc20-token-periodic',
    chain_id: quote.chain_id,
    asset: quote.asset,
    token_address: quote.token_address,
    decimals: quote.decimals,
    recipient: quote.recipient,
    period_amount: divideRounded(
      BigInt(quote.amount) * BigInt(100 + margin),
      100n,
      'up',
    ).toString(),
    period_duration: shortestPeriodSeconds(interval),
    start_time: startTime,
    expiry,
    interval: plan.interval,
    interval_count: plan.interval_count,
    grace_period_seconds: graceSeconds,
    allowance_margin_percent: margin,
  };
}

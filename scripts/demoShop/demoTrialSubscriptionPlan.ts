import type { CreatePlanBody } from '../../shared/providerApi/Plan.ts';
import { demoSubscription } from './demoSubscriptionPlan.ts';

/**
 * The demo shop's subscription with a free trial (`/subscribe?plan=trial`): the same coffee club,
 * the first 7 days free. Nothing is paid at checkout; the wallet pays the first month by itself
 * when the trial ends, within the allowance granted at sign-up.
 */
export const demoTrialSubscription = {
  id: 'coffee-club-monthly-trial',
  name: 'Coffee Club, monthly, 7 days free',
  description:
    'Try the coffee club free for a week: nothing to pay today, then a fresh 250 g bag every month. Cancel any time, from the shop or your wallet.',
  priceLabel: '7 days free, then €9.99 / month',
  /** A plan never changes: the trial is its own plan, with its own Idempotency-Key. */
  planKey: 'demo-plan-coffee-club-monthly-trial-v1',
  plan: {
    ...demoSubscription.plan,
    name: 'Coffee Club, monthly, 7 days free',
    trial_days: 7,
  } satisfies CreatePlanBody,
} as const;

import type { CreatePlanBody } from '../../shared/providerApi/Plan.ts';
import { demoShopChainId, demoShopRecipient } from './demoProduct.ts';

/** The demo shop's subscription: a coffee club, 9.99 EUR a month in stablecoins. */
export const demoSubscription = {
  id: 'coffee-club-monthly',
  name: 'Coffee Club, monthly',
  description: 'A fresh 250 g bag every month. Cancel any time, from the shop or your wallet.',
  priceLabel: '€9.99 / month',
  /** Sent as the plan's Idempotency-Key: one plan per merchant, however often the page loads. */
  planKey: 'demo-plan-coffee-club-monthly-v1',
  plan: {
    name: 'Coffee Club, monthly',
    amount_minor: '999',
    currency: 'EUR',
    interval: 'month',
    interval_count: 1,
    trial_days: 0,
    allowance_margin_percent: 10,
    grace_period_hours: 72,
    recipients: { [String(demoShopChainId)]: demoShopRecipient },
    accepted_assets: ['USDC', 'EURC', 'DAI'].map((asset) => ({ chain_id: demoShopChainId, asset })),
  } satisfies CreatePlanBody,
} as const;

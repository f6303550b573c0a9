import type { CheckoutQuote } from '../../../shared/providerApi/CheckoutQuote.ts';
import type { SubscriptionInvoice } from '../../../shared/providerApi/Subscription.ts';
import { findPeriod } from '../../../shared/subscriptions/findPeriod.ts';
import type { Grant } from '../policy/Policy.ts';
import type { SubscriptionLink } from './SubscriptionLink.ts';

export const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const account = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
/** 31 Jan 2026 12:00 UTC: months clamp to the month's end from here. */
export const anchorSeconds = Date.UTC(2026, 0, 31, 12) / 1000;

export const grant: Grant = {
  id: 'grant-1',
  chainId: 31337,
  asset: token,
  recipient,
  amount: 11_000_000n,
  periodSeconds: 28 * 86_400,
  startTime: anchorSeconds,
  source: 'site-request',
  createdAt: anchorSeconds + 5,
};

export function makeLink(overrides: Partial<SubscriptionLink> = {}): SubscriptionLink {
  return {
    grantId: grant.id,
    origin: 'http://shop.test',
    account,
    providerUrl: 'http://127.0.0.1:8787',
    sessionId: 'cs_first',
    publishableKey: 'pk_test',
    chainId: 31337,
    token,
    periodAmount: '11000000',
    interval: 'month',
    intervalCount: 1,
    gracePeriodSeconds: 72 * 3600,
    firstRenewalIndex: 1,
    subscriptionId: 'sub_1',
    status: 'active',
    nextRenewalAt: null,
    merchantName: null,
    amountMinor: null,
    currency: null,
    payments: [],
    attention: null,
    isClosed: false,
    createdAt: anchorSeconds * 1000,
    ...overrides,
  };
}

/** The invoice the provider would show at `at` (period by the same calendar), quote included. */
export function makeInvoice(
  at: Date,
  overrides: { quote?: Partial<CheckoutQuote> | null; invoice?: Partial<SubscriptionInvoice> } = {},
): SubscriptionInvoice {
  const period = findPeriod({
    anchor: new Date(anchorSeconds * 1000),
    interval: { unit: 'month', count: 1 },
    at,
  });
  const quote: CheckoutQuote = {
    id: `qt_${period.index}`,
    object: 'checkout.quote',
    session_id: `cs_renewal_${period.index}`,
    chain_id: 31337,
    asset: 'USDC',
    token_address: token,
    decimals: 6,
    recipient,
    amount: '10000000',
    reference: '0123456789abcdef0123456789abcdef',
    amount_minor: '920',
    currency: 'EUR',
    pair: 'USDC/EUR',
    rate: '0.92',
    expires_at: new Date(at.getTime() + 10 * 60_000).toISOString(),
    created_at: at.toISOString(),
    signature: { algorithm: 'ed25519', key_id: 'key_1', value: '0'.repeat(128) },
    ...overrides.quote,
  } as CheckoutQuote;
  return {
    id: `inv_${period.index}`,
    object: 'subscription_invoice',
    subscription: 'sub_1',
    period_index: period.index,
    period_start: period.start.toISOString(),
    period_end: period.end.toISOString(),
    grace_ends_at: new Date(period.start.getTime() + 72 * 3_600_000).toISOString(),
    status: 'open',
    session_id: `cs_renewal_${period.index}`,
    session_status: 'open',
    amount_minor: '920',
    currency: 'EUR',
    quote: overrides.quote === null ? null : quote,
    paid_at: null,
    created_at: period.start.toISOString(),
    ...overrides.invoice,
  };
}

import type { CheckoutPayment } from '../../shared/providerApi/CheckoutPayment.ts';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { CheckoutSession } from '../../shared/providerApi/CheckoutSession.ts';
import type { OnrampOrder } from '../../shared/providerApi/OnrampOrder.ts';
import type { OnrampQuote } from '../../shared/providerApi/OnrampQuote.ts';
import type { Subscription } from '../../shared/providerApi/Subscription.ts';
import type { WalletSummary } from './CheckoutState.ts';

/*
 * Provider answers for the flow's tests, shaped exactly like the API's (shared/providerApi).
 * Times are fixed: the session opens at `opensAt` and expires 15 minutes later; quotes last 10.
 */
export const opensAt = new Date('2030-01-01T00:00:00.000Z');
export const minutes = (count: number) => new Date(opensAt.getTime() + count * 60_000);
export const sessionId = 'cs_8f14e45fceea167a5a36dedd4bea2543';
const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const usdc = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const txHash = `0x${'ab'.repeat(32)}`;

export function makeSession(overrides: Partial<CheckoutSession> = {}): CheckoutSession {
  return {
    id: sessionId,
    object: 'checkout.session',
    status: 'open',
    amount_minor: '2400',
    currency: 'EUR',
    recipients: { '31337': recipient },
    accepted_assets: [
      { chain_id: 31337, asset: 'USDC' },
      { chain_id: 31337, asset: 'ETH' },
    ],
    success_url: null,
    expires_at: minutes(15).toISOString(),
    created_at: opensAt.toISOString(),
    payment_options: [
      {
        chain_id: 31337,
        asset: 'USDC',
        name: 'USD Coin',
        decimals: 6,
        token_address: usdc,
        recipient,
        amount: '26086957',
        rate: { numerator: '92', denominator: '100' },
      },
      {
        chain_id: 31337,
        asset: 'ETH',
        name: 'Ether',
        decimals: 18,
        token_address: null,
        recipient,
        amount: '8695652173913044',
        rate: { numerator: '276012', denominator: '100' },
      },
    ],
    payments: [],
    amount_paid: null,
    ...overrides,
  };
}

export function makeQuote(overrides: Partial<CheckoutQuote> = {}): CheckoutQuote {
  return {
    id: 'qt_c4ca4238a0b923820dcc509a6f75849b',
    object: 'checkout.quote',
    session_id: sessionId,
    chain_id: 31337,
    asset: 'USDC',
    token_address: usdc,
    decimals: 6,
    recipient,
    amount: '26086957',
    reference: '0123456789abcdef0123456789abcdef',
    amount_minor: '2400',
    currency: 'EUR',
    pair: 'USDC/EUR',
    rate: { numerator: '92', denominator: '100' },
    expires_at: minutes(10).toISOString(),
    created_at: opensAt.toISOString(),
    signature: { algorithm: 'ed25519', key_id: 'key_1', value: '0'.repeat(128) },
    ...overrides,
  };
}

export function makePayment(overrides: Partial<CheckoutPayment> = {}): CheckoutPayment {
  return {
    id: 'py_1679091c5a880faf6fb5e6087eb1b2dc',
    object: 'checkout.payment',
    session_id: sessionId,
    quote_id: makeQuote().id,
    chain_id: 31337,
    asset: 'USDC',
    tx_hash: txHash,
    from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    amount: '26086957',
    status: 'seen',
    block_number: '12',
    confirmations: 1,
    required_confirmations: 3,
    late: false,
    created_at: minutes(2).toISOString(),
    ...overrides,
  };
}

export const oneWallet: readonly WalletSummary[] = [
  { id: 'uuid-1', name: 'TP Wallet', icon: null },
];
export const twoWallets: readonly WalletSummary[] = [
  ...oneWallet,
  { id: 'uuid-2', name: 'Other Wallet', icon: null },
];
export const account = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

/** An on-ramp price for 20 USDC into `account`, from the US, in the session's euros. */
export function makeOnrampQuote(overrides: Partial<OnrampQuote> = {}): OnrampQuote {
  return {
    id: 'orq_45c48cce2e2d7fbdea1afc51c7c6ad26',
    object: 'onramp.quote',
    adapter: 'sandbox',
    adapter_name: 'Sandbox (test cards)',
    chain_id: 31337,
    asset: 'USDC',
    token_address: usdc,
    decimals: 6,
    wallet_address: account,
    country: 'US',
    fiat_currency: 'EUR',
    fiat_amount_minor: '1886',
    subtotal_minor: '1840',
    crypto_amount: '20000000',
    fees: { adapter_fee_minor: '28', network_fee_minor: '18', total_fee_minor: '46' },
    pair: 'USDC/EUR',
    rate: { numerator: '92', denominator: '100' },
    embedding: ['popup', 'iframe'],
    expires_at: minutes(7).toISOString(),
    created_at: minutes(2).toISOString(),
    ...overrides,
  };
}

export function makeOnrampOrder(overrides: Partial<OnrampOrder> = {}): OnrampOrder {
  const { id: quoteId, object: _object, expires_at: _expires, ...price } = makeOnrampQuote();
  return {
    id: 'oro_d3d9446802a44259755d38e6d163e820',
    object: 'onramp.order',
    status: 'created',
    quote_id: quoteId,
    ...price,
    hosted_url: 'http://127.0.0.1:8787/onramp/sandbox/oro_d3d9446802a44259755d38e6d163e820',
    redirect_url: null,
    tx_hash: null,
    failure: null,
    expires_at: minutes(32).toISOString(),
    updated_at: minutes(2).toISOString(),
    completed_at: null,
    ...overrides,
  };
}

/** A signature by `account` (its shape only: the flow never checks it). */
export const trialSignature = `0x${'cd'.repeat(65)}`;

/** What `POST /v1/subscriptions/checkout/{session_id}/trial` answers: a 14-day trial. */
export function makeSubscription(overrides: Partial<Subscription> = {}): Subscription {
  const trialEnd = new Date(opensAt.getTime() + 14 * 86_400_000).toISOString();
  return {
    id: 'sub_e4da3b7fbbce2345d7772b0674a318d5',
    object: 'subscription',
    plan: 'plan_1679091c5a880faf6fb5e6087eb1b2dc',
    status: 'trialing',
    subscriber: account,
    amount_minor: '2400',
    currency: 'EUR',
    billing_anchor: trialEnd,
    trial_end: trialEnd,
    current_period: null,
    paid_periods: 0,
    paid_through: trialEnd,
    next_renewal_at: trialEnd,
    cancel_at: null,
    canceled_at: null,
    cancellation_reason: null,
    ended_at: null,
    grant: {
      type: 'erc20-token-periodic',
      chain_id: 31337,
      asset: 'USDC',
      token_address: usdc,
      decimals: 6,
      recipient,
      period_amount: '28695653',
      period_duration: 2_419_200,
      start_time: Math.floor(Date.parse(trialEnd) / 1000),
      expiry: null,
      interval: 'month',
      interval_count: 1,
      grace_period_seconds: 259_200,
      allowance_margin_percent: 10,
    },
    checkout_session: sessionId,
    created_at: opensAt.toISOString(),
    ...overrides,
  };
}

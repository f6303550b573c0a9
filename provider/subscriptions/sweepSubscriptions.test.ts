import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CreatePlanBody, Plan } from '../../shared/providerApi/Plan.ts';
import { ProviderApiError } from '../../shared/providerClient/errors.ts';
import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import { verifyQuoteSignature } from '../../shared/quotes/verifyQuoteSignature.ts';
import { formatStartTrialMessage } from '../../shared/subscriptions/formatStartTrialMessage.ts';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider, testStart } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';
import { settleSessionForTests } from './settleSessionForTests.ts';
import { sweepSubscriptions } from './sweepSubscriptions.ts';
import type { SweepSubscriptionsReturnType } from './sweepSubscriptions.ts';

const merchantAddress = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
// Hardhat's development account #2: never holds real funds.
const shopper = privateKeyToAccount(
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
);

const monthly: CreatePlanBody = {
  name: 'Pro, monthly',
  amount_minor: '999',
  currency: 'EUR',
  interval: 'month',
  recipients: { '31337': merchantAddress },
  accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
  metadata: { tier: 'pro' },
};

async function apiErrorOf(promise: Promise<unknown>): Promise<ProviderApiError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ProviderApiError);
  return error as ProviderApiError;
}

describe.each(testDatabases())('subscriptions over time on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;
  let server: ProviderClient;
  let page: ProviderClient;
  let plan: Plan;

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
    server = provider.client({ secretKey: provider.merchant.secretKey });
    page = provider.client({ publishableKey: provider.merchant.publishableKey });
    plan = await server.createPlan(monthly);
  });

  afterEach(async () => {
    // Test isolation only: the sweeps of one test must not see another's subscriptions.
    await db.query(
      `update subscriptions set status = 'canceled', next_renewal_at = null, cancel_at = null
       where status in ('trialing', 'active', 'past_due')`,
    );
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  /** Sets the clock and, unless told not to, refreshes the rates at that time. */
  async function at(iso: string, { refreshRates = true } = {}): Promise<void> {
    provider.clock.set(new Date(iso));
    if (refreshRates) await provider.app.rates.refresh();
  }

  async function sweep(): Promise<SweepSubscriptionsReturnType> {
    return sweepSubscriptions({
      db,
      rates: provider.app.rates,
      signingKey: await provider.app.signingKey(),
      now: provider.clock.now(),
    });
  }

  async function subscribe(planId = plan.id, metadata: Record<string, string> = {}) {
    const checkout = await server.createSubscriptionCheckout({ plan: planId, metadata });
    await page.lockQuote(checkout.session_id, { chain_id: 31337, asset: 'USDC' });
    const settled = await settleSessionForTests({
      db,
      sessionId: checkout.session_id,
      from: shopper.address,
      now: provider.clock.now(),
    });
    if (settled.outcome !== 'subscription_started') throw new Error(settled.outcome);
    return settled.subscription.id;
  }

  /** What the wallet does when it pays the current renewal: the session settles. */
  async function payCurrentRenewal(
    subscriptionId: string,
    status: 'settled' | 'paid_late' = 'settled',
  ) {
    const invoice = await page.getCurrentRenewal(subscriptionId);
    return settleSessionForTests({
      db,
      sessionId: invoice.session_id,
      from: shopper.address,
      now: provider.clock.now(),
      status,
    });
  }

  async function eventsOf(subscriptionId: string): Promise<string[]> {
    const { rows } = await db.query<{ type: string }>(
      `select type from webhook_events where data->>'id' = $1 order by seq`,
      [subscriptionId],
    );
    return rows.map((row) => row.type);
  }

  async function invoicesOf(subscriptionId: string) {
    const { rows } = await db.query<{ period_index: number; status: string }>(
      `select period_index, status from subscription_invoices where subscription_id = $1
       order by period_index`,
      [subscriptionId],
    );
    return rows;
  }

  test('bills each period on the anchor day: 31 Jan, 28 Feb, 31 Mar', async () => {
    await at(testStart.toISOString());
    const subscriptionId = await subscribe(plan.id, { customer: 'C-1' });

    await at('2026-02-28T11:59:59.000Z');
    expect((await sweep()).renewalsCreated).toBe(0);
    await at('2026-02-28T12:00:00.000Z');
    expect((await sweep()).renewalsCreated).toBe(1);
    expect((await sweep()).renewalsCreated).toBe(0);

    const invoice = await page.getCurrentRenewal(subscriptionId);
    expect(invoice).toMatchObject({
      object: 'subscription_invoice',
      subscription: subscriptionId,
      period_index: 1,
      period_start: '2026-02-28T12:00:00.000Z',
      period_end: '2026-03-31T12:00:00.000Z',
      grace_ends_at: '2026-03-03T12:00:00.000Z',
      status: 'open',
      session_status: 'open',
      amount_minor: '999',
      currency: 'EUR',
      paid_at: null,
    });
    const session = await server.getCheckoutSession(invoice.session_id);
    expect(session).toMatchObject({
      accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
      recipients: { '31337': merchantAddress },
      metadata: { customer: 'C-1', tp_subscription: subscriptionId, tp_period: '1' },
      expires_at: '2026-03-03T12:00:00.000Z',
    });

    // What the wallet checks before paying: the provider's signature, and the grant.
    const { grant } = await page.getSubscription(subscriptionId);
    const quote = invoice.quote;
    if (quote === null) throw new Error('no quote');
    const { keys } = await provider.client().getSigningKeys();
    const key = keys.find((each) => each.id === quote.signature.key_id);
    expect(
      verifyQuoteSignature({
        quote,
        signature: quote.signature.value,
        publicKey: key?.public_key ?? '',
      }),
    ).toBe(true);
    expect([quote.chain_id, quote.token_address, quote.recipient]).toEqual([
      grant.chain_id,
      grant.token_address,
      grant.recipient,
    ]);
    expect(BigInt(quote.amount)).toBeLessThanOrEqual(BigInt(grant.period_amount));

    expect((await payCurrentRenewal(subscriptionId)).outcome).toBe('renewed');
    const renewed = await server.getSubscription(subscriptionId);
    expect(renewed).toMatchObject({
      status: 'active',
      paid_periods: 2,
      paid_through: '2026-03-31T12:00:00.000Z',
      next_renewal_at: '2026-03-31T12:00:00.000Z',
      current_period: { index: 1, start: '2026-02-28T12:00:00.000Z' },
    });
    expect(await eventsOf(subscriptionId)).toEqual([
      'subscription.created',
      'subscription.renewed',
    ]);
    const { rows } = await db.query<{ data: { paid_periods: number; metadata: object } }>(
      `select data from webhook_events where data->>'id' = $1 and type = 'subscription.renewed'`,
      [subscriptionId],
    );
    expect(rows[0]?.data).toMatchObject({ paid_periods: 2, metadata: { customer: 'C-1' } });
    expect((await apiErrorOf(page.getCurrentRenewal(subscriptionId))).code).toBe('no_renewal_due');

    await at('2026-03-31T12:00:00.000Z');
    await sweep();
    expect(await page.getCurrentRenewal(subscriptionId)).toMatchObject({
      period_index: 2,
      period_start: '2026-03-31T12:00:00.000Z',
      period_end: '2026-04-30T12:00:00.000Z',
    });
  });

  test('goes past_due when the grace period ends unpaid, and active again if paid late', async () => {
    await at(testStart.toISOString());
    const subscriptionId = await subscribe();
    await at('2026-02-28T12:00:00.000Z');
    await sweep();
    await at('2026-03-03T11:59:59.999Z');
    expect((await sweep()).pastDue).toBe(0);
    await at('2026-03-03T12:00:00.000Z');
    expect((await sweep()).pastDue).toBe(1);
    expect((await server.getSubscription(subscriptionId)).status).toBe('past_due');
    expect(await invoicesOf(subscriptionId)).toEqual([
      { period_index: 0, status: 'paid' },
      { period_index: 1, status: 'missed' },
    ]);
    const missed = await page.getCurrentRenewal(subscriptionId);
    expect([missed.status, missed.session_status]).toEqual(['missed', 'expired']);

    expect((await payCurrentRenewal(subscriptionId, 'paid_late')).outcome).toBe('renewed');
    expect(await server.getSubscription(subscriptionId)).toMatchObject({
      status: 'active',
      paid_periods: 2,
      next_renewal_at: '2026-03-31T12:00:00.000Z',
    });
    expect(await eventsOf(subscriptionId)).toEqual([
      'subscription.created',
      'subscription.past_due',
      'subscription.renewed',
    ]);
  });

  test('cancels a past_due subscription for non-payment when its period ends', async () => {
    await at(testStart.toISOString());
    const subscriptionId = await subscribe();
    await at('2026-02-28T12:00:00.000Z');
    await sweep();
    await at('2026-03-03T12:00:00.000Z');
    await sweep();
    await at('2026-03-31T11:59:59.000Z');
    expect(await sweep()).toMatchObject({ canceledUnpaid: 0, renewalsCreated: 0 });
    await at('2026-03-31T12:00:00.000Z');
    expect(await sweep()).toMatchObject({ canceledUnpaid: 1, renewalsCreated: 0 });
    expect(await server.getSubscription(subscriptionId)).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'unpaid',
      canceled_at: '2026-03-31T12:00:00.000Z',
    });
    expect(await invoicesOf(subscriptionId)).toEqual([
      { period_index: 0, status: 'paid' },
      { period_index: 1, status: 'void' },
    ]);
    expect(await eventsOf(subscriptionId)).toEqual([
      'subscription.created',
      'subscription.past_due',
      'subscription.canceled',
    ]);
  });

  test('cancels at the period end it was scheduled for, and bills nothing from then', async () => {
    await at(testStart.toISOString());
    const subscriptionId = await subscribe();
    await server.cancelSubscription(subscriptionId, { at_period_end: true });
    await at('2026-02-28T11:59:59.000Z');
    expect(await sweep()).toMatchObject({ canceled: 0, renewalsCreated: 0 });
    await at('2026-02-28T12:00:00.000Z');
    expect(await sweep()).toMatchObject({ canceled: 1, renewalsCreated: 0 });
    expect(await server.getSubscription(subscriptionId)).toMatchObject({
      status: 'canceled',
      cancellation_reason: 'merchant',
      canceled_at: '2026-02-28T12:00:00.000Z',
    });
    expect(await invoicesOf(subscriptionId)).toEqual([{ period_index: 0, status: 'paid' }]);
    expect(await eventsOf(subscriptionId)).toEqual([
      'subscription.created',
      'subscription.canceled',
    ]);
  });

  test('voids the open renewal on cancel; a payment that still arrives changes nothing', async () => {
    await at(testStart.toISOString());
    const subscriptionId = await subscribe();
    await at('2026-02-28T12:00:00.000Z');
    await sweep();
    const invoice = await page.getCurrentRenewal(subscriptionId);
    await server.cancelSubscription(subscriptionId);
    expect((await apiErrorOf(page.getCurrentRenewal(subscriptionId))).code).toBe(
      'subscription_not_active',
    );
    const late = await settleSessionForTests({
      db,
      sessionId: invoice.session_id,
      from: shopper.address,
      now: provider.clock.now(),
    });
    expect(late.outcome).toBe('paid_while_inactive');
    expect((await server.getSubscription(subscriptionId)).status).toBe('canceled');
    expect(await eventsOf(subscriptionId)).toEqual([
      'subscription.created',
      'subscription.canceled',
    ]);
  });

  test('ends once the last of a fixed number of cycles is paid', async () => {
    await at(testStart.toISOString());
    const threeMonths = await server.createPlan({ ...monthly, cycles: 3 });
    const subscriptionId = await subscribe(threeMonths.id);
    expect((await page.getSubscription(subscriptionId)).grant.expiry).toBe(
      Date.parse('2026-04-03T12:00:00.000Z') / 1000,
    );
    await at('2026-02-28T12:00:00.000Z');
    await sweep();
    expect((await payCurrentRenewal(subscriptionId)).outcome).toBe('renewed');
    await at('2026-03-31T12:00:00.000Z');
    await sweep();
    expect((await payCurrentRenewal(subscriptionId)).outcome).toBe('renewed');
    expect(await server.getSubscription(subscriptionId)).toMatchObject({
      status: 'ended',
      paid_periods: 3,
      paid_through: '2026-04-30T12:00:00.000Z',
      ended_at: '2026-03-31T12:00:00.000Z',
      next_renewal_at: null,
    });
    expect(await eventsOf(subscriptionId)).toEqual([
      'subscription.created',
      'subscription.renewed',
      'subscription.renewed',
      'subscription.ended',
    ]);
    await at('2026-04-30T12:00:00.000Z');
    expect((await sweep()).renewalsCreated).toBe(0);
    expect((await apiErrorOf(page.getCurrentRenewal(subscriptionId))).code).toBe(
      'subscription_not_active',
    );
  });

  test('bills the first period when a free trial ends', async () => {
    await at(testStart.toISOString());
    const trialPlan = await server.createPlan({ ...monthly, trial_days: 14 });
    const checkout = await server.createSubscriptionCheckout({ plan: trialPlan.id });
    const quote = await page.lockQuote(checkout.session_id, { chain_id: 31337, asset: 'USDC' });
    const signature = await shopper.signMessage({
      message: formatStartTrialMessage({
        sessionId: checkout.session_id,
        quoteId: quote.id,
        subscriber: shopper.address,
      }),
    });
    const trial = await page.startSubscriptionTrial(checkout.session_id, {
      quote_id: quote.id,
      subscriber: shopper.address,
      signature,
    });
    await at('2026-02-14T11:59:59.000Z');
    expect((await sweep()).renewalsCreated).toBe(0);
    await at('2026-02-14T12:00:00.000Z');
    expect((await sweep()).renewalsCreated).toBe(1);
    expect(await page.getCurrentRenewal(trial.id)).toMatchObject({
      period_index: 0,
      period_start: '2026-02-14T12:00:00.000Z',
      period_end: '2026-03-14T12:00:00.000Z',
    });
    expect((await payCurrentRenewal(trial.id)).outcome).toBe('renewed');
    expect(await server.getSubscription(trial.id)).toMatchObject({
      status: 'active',
      paid_periods: 1,
      next_renewal_at: '2026-03-14T12:00:00.000Z',
    });
    expect(await eventsOf(trial.id)).toEqual(['subscription.created', 'subscription.renewed']);
  });

  test('creates the invoice even without a rate, and quotes it once rates are back', async () => {
    await at(testStart.toISOString());
    const subscriptionId = await subscribe();
    // A month later, nothing refreshed the rates: they are too old to price anything.
    await at('2026-02-28T12:00:00.000Z', { refreshRates: false });
    expect(await sweep()).toMatchObject({ renewalsCreated: 1, renewalsWithoutQuote: 1 });
    const unpriced = await apiErrorOf(page.getCurrentRenewal(subscriptionId));
    expect([unpriced.status, unpriced.code]).toEqual([503, 'rates_unavailable']);
    await provider.app.rates.refresh();
    const priced = await page.getCurrentRenewal(subscriptionId);
    expect(priced.quote?.amount).toBe('10858696');
  });

  test('locks a new quote when the last is about to expire, none once a payment is seen', async () => {
    await at(testStart.toISOString());
    const subscriptionId = await subscribe();
    await at('2026-02-28T12:00:00.000Z');
    await sweep();
    const first = (await page.getCurrentRenewal(subscriptionId)).quote;
    expect(first?.expires_at).toBe('2026-02-28T12:10:00.000Z');
    await at('2026-02-28T12:08:59.000Z');
    expect((await page.getCurrentRenewal(subscriptionId)).quote?.id).toBe(first?.id);
    await at('2026-02-28T12:09:01.000Z');
    const second = (await page.getCurrentRenewal(subscriptionId)).quote;
    expect(second?.id).not.toBe(first?.id);
    expect(second?.expires_at).toBe('2026-02-28T12:19:01.000Z');

    const invoice = await page.getCurrentRenewal(subscriptionId);
    // Payment detection saw the wallet's transfer: the session waits for confirmations.
    await db.query(`update checkout_sessions set status = 'pending' where id = $1`, [
      invoice.session_id,
    ]);
    await at('2026-02-28T12:30:00.000Z');
    const pending = await page.getCurrentRenewal(subscriptionId);
    expect([pending.session_status, pending.quote?.id]).toEqual(['pending', second?.id]);
  });

  test('creates one invoice however many sweeps run at once', async () => {
    await at(testStart.toISOString());
    const subscriptionId = await subscribe();
    await at('2026-02-28T12:00:00.000Z');
    const runs = await Promise.all(Array.from({ length: 5 }, () => sweep()));
    expect(runs.reduce((sum, run) => sum + run.renewalsCreated, 0)).toBe(1);
    expect(await invoicesOf(subscriptionId)).toEqual([
      { period_index: 0, status: 'paid' },
      { period_index: 1, status: 'open' },
    ]);
  });
});

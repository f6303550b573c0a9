import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreatePlanBody, Plan } from '../../shared/providerApi/Plan.ts';
import { ProviderApiError } from '../../shared/providerClient/errors.ts';
import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import { computeSubscriptionGrant } from '../../shared/subscriptions/computeSubscriptionGrant.ts';
import { formatCancelSubscriptionMessage } from '../../shared/subscriptions/formatCancelSubscriptionMessage.ts';
import { formatStartTrialMessage } from '../../shared/subscriptions/formatStartTrialMessage.ts';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider, testStart } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType, TestMerchant } from '../testing/startTestProvider.ts';
import { readCheckoutSession } from '../checkout/readCheckoutSession.ts';
import { onCheckoutSessionSettled } from './onCheckoutSessionSettled.ts';
import { settleSessionForTests } from './settleSessionForTests.ts';

const merchantAddress = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const usdcAddress = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
// Hardhat's well-known development accounts #2 and #3: never hold real funds.
const shopper = privateKeyToAccount(
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
);
const stranger = privateKeyToAccount(
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
);

const monthly: CreatePlanBody = {
  name: 'Pro, monthly',
  amount_minor: '999',
  currency: 'EUR',
  interval: 'month',
  recipients: { '31337': merchantAddress },
  accepted_assets: [
    { chain_id: 31337, asset: 'USDC' },
    { chain_id: 31337, asset: 'EURC' },
  ],
  metadata: { tier: 'pro' },
};

/** Rejects with the API's error code, or fails the test. */
async function apiErrorOf(promise: Promise<unknown>): Promise<ProviderApiError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ProviderApiError);
  return error as ProviderApiError;
}

describe.each(testDatabases())('subscription routes on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;
  let server: ProviderClient;
  let page: ProviderClient;
  let other: TestMerchant;
  let plan: Plan;
  let trialPlan: Plan;

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
    await provider.app.rates.refresh();
    server = provider.client({ secretKey: provider.merchant.secretKey });
    page = provider.client({ publishableKey: provider.merchant.publishableKey });
    other = await provider.createMerchant('Other shop');
    plan = await server.createPlan(monthly);
    trialPlan = await server.createPlan({ ...monthly, name: 'Pro, 14 days free', trial_days: 14 });
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  async function countRows(table: string): Promise<bigint> {
    const { rows } = await db.query<{ count: bigint }>(`select count(*) as count from ${table}`);
    return rows[0]?.count ?? 0n;
  }

  async function subscriptionEvents(subscriptionId: string): Promise<string[]> {
    const { rows } = await db.query<{ type: string }>(
      `select type from webhook_events where data->>'id' = $1 order by seq`,
      [subscriptionId],
    );
    return rows.map((row) => row.type);
  }

  /** The merchant's server makes the session; the page locks a quote; the shopper pays it. */
  async function subscribe(planId = plan.id) {
    const checkout = await server.createSubscriptionCheckout({ plan: planId });
    const quote = await page.lockQuote(checkout.session_id, { chain_id: 31337, asset: 'USDC' });
    const settled = await settleSessionForTests({
      db,
      sessionId: checkout.session_id,
      from: shopper.address,
      now: provider.clock.now(),
    });
    if (settled.outcome !== 'subscription_started') throw new Error(settled.outcome);
    return { checkout, quote, subscriptionId: settled.subscription.id };
  }

  describe('POST /v1/plans', () => {
    test('creates a plan with the defaults spelled out', () => {
      expect(plan).toMatchObject({
        object: 'plan',
        name: 'Pro, monthly',
        amount_minor: '999',
        currency: 'EUR',
        interval: 'month',
        interval_count: 1,
        trial_days: 0,
        cycles: null,
        allowance_margin_percent: 10,
        grace_period_hours: 72,
        recipients: { '31337': merchantAddress },
        metadata: { tier: 'pro' },
        created_at: testStart.toISOString(),
      });
      expect(plan.id).toMatch(/^plan_[0-9a-f]{32}$/);
    });

    test('gives a daily plan a grace period of half a day by default', async () => {
      const daily = await server.createPlan({ ...monthly, interval: 'day' });
      expect(daily.grace_period_hours).toBe(12);
    });

    test('takes installments: a fixed number of cycles', async () => {
      const installments = await server.createPlan({
        ...monthly,
        interval: 'week',
        interval_count: 2,
        cycles: 4,
        allowance_margin_percent: 0,
        grace_period_hours: 24,
      });
      expect(installments).toMatchObject({ interval_count: 2, cycles: 4, grace_period_hours: 24 });
    });

    test.each<[string, Record<string, unknown>, string]>([
      ['an amount sent as a JSON number', { amount_minor: 999 }, 'amount_minor'],
      ['a zero amount', { amount_minor: '0' }, 'amount_minor'],
      ['an unknown currency', { currency: 'XYZ' }, 'currency'],
      ['an unknown interval', { interval: 'fortnight' }, 'interval'],
      ['13 months', { interval_count: 13 }, 'interval_count'],
      ['2 years', { interval: 'year', interval_count: 2 }, 'interval_count'],
      ['a zero count', { interval_count: 0 }, 'interval_count'],
      ['a fractional count', { interval_count: 1.5 }, 'interval_count'],
      ['a negative trial', { trial_days: -1 }, 'trial_days'],
      ['a trial over a year', { trial_days: 366 }, 'trial_days'],
      ['one cycle', { cycles: 1 }, 'cycles'],
      ['a margin of 51 %', { allowance_margin_percent: 51 }, 'allowance_margin_percent'],
      ['a negative margin', { allowance_margin_percent: -1 }, 'allowance_margin_percent'],
      ['no grace at all', { grace_period_hours: 0 }, 'grace_period_hours'],
      [
        'a grace period as long as a daily period',
        { interval: 'day', grace_period_hours: 24 },
        'grace_period_hours',
      ],
      [
        'the native coin',
        { accepted_assets: [{ chain_id: 31337, asset: 'ETH' }] },
        'accepted_assets[0]',
      ],
      [
        'an asset unknown on its chain',
        { accepted_assets: [{ chain_id: 31337, asset: 'USDT' }] },
        'accepted_assets[0]',
      ],
      [
        'a lowercase address',
        { recipients: { '31337': merchantAddress.toLowerCase() } },
        'recipients[31337]',
      ],
      ['an empty name', { name: '' }, 'name'],
      ['an unknown field', { price: '9.99' }, 'price'],
    ])('refuses %s with 400 naming the field, and stores nothing', async (_name, change, param) => {
      const before = await countRows('subscription_plans');
      const error = await apiErrorOf(server.createPlan({ ...monthly, ...change }));
      expect({ status: error.status, code: error.code, param: error.param }).toEqual({
        status: 400,
        code: 'invalid_request',
        param,
      });
      expect(await countRows('subscription_plans')).toBe(before);
    });

    test('refuses a missing name, and the publishable key (401)', async () => {
      const { name: _name, ...nameless } = monthly;
      const missing = await apiErrorOf(server.createPlan(nameless as CreatePlanBody));
      expect([missing.status, missing.param]).toEqual([400, 'name']);
      const withPublishable = provider.client({ secretKey: provider.merchant.publishableKey });
      expect((await apiErrorOf(withPublishable.createPlan(monthly))).status).toBe(401);
    });
  });

  describe('GET /v1/plans/{id}', () => {
    test('shows the page the plan without the metadata; another merchant gets 404', async () => {
      const seen = await page.getPlan(plan.id);
      const { metadata: _metadata, ...withoutMetadata } = plan;
      expect(seen).toEqual(withoutMetadata);
      const otherServer = provider.client({ secretKey: other.secretKey });
      const error = await apiErrorOf(otherServer.getPlan(plan.id));
      expect([error.status, error.code]).toEqual([404, 'not_found']);
    });
  });

  describe('POST /v1/subscriptions/checkout', () => {
    test('makes an ordinary session for the first period, linked to the plan', async () => {
      provider.clock.set(testStart);
      const checkout = await server.createSubscriptionCheckout({
        plan: plan.id,
        metadata: { customer: 'C-7' },
      });
      expect(checkout).toMatchObject({
        object: 'subscription_checkout',
        plan: { id: plan.id, amount_minor: '999' },
        subscription: null,
        metadata: { customer: 'C-7' },
        expires_at: '2026-01-31T12:15:00.000Z',
      });
      const session = await page.getCheckoutSession(checkout.session_id);
      expect(session).toMatchObject({ status: 'open', amount_minor: '999', currency: 'EUR' });
      expect(session.payment_options.map((option) => option.asset)).toEqual(['USDC', 'EURC']);
      const seen = await page.getSubscriptionCheckout(checkout.session_id);
      expect(seen.plan.id).toBe(plan.id);
      expect(seen.metadata).toBeUndefined();
    });

    test('answers 404 for an ordinary session, and for another merchant', async () => {
      const ordinary = await server.createCheckoutSession({
        amount_minor: '100',
        currency: 'EUR',
        recipients: { '31337': merchantAddress },
        accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
      });
      expect((await apiErrorOf(page.getSubscriptionCheckout(ordinary.id))).status).toBe(404);
      const checkout = await server.createSubscriptionCheckout({ plan: plan.id });
      const otherPage = provider.client({ publishableKey: other.publishableKey });
      expect(
        (await apiErrorOf(otherPage.getSubscriptionCheckout(checkout.session_id))).status,
      ).toBe(404);
    });

    test.each<[string, Record<string, unknown>, number, string]>([
      ['an unknown plan', { plan: 'plan_00000000000000000000000000000000' }, 404, 'plan'],
      ['a reserved metadata key', { metadata: { tp_plan: 'x' } }, 400, 'metadata.tp_plan'],
      ['an expiry of 30 s', { expires_in: 30 }, 400, 'expires_in'],
      ['an http success URL', { success_url: 'http://shop.example/' }, 400, 'success_url'],
      ['an unknown field', { amount_minor: '1' }, 400, 'amount_minor'],
    ])('refuses %s and stores nothing', async (_name, change, status, param) => {
      const before = await countRows('subscription_checkouts');
      const error = await apiErrorOf(
        server.createSubscriptionCheckout({ plan: plan.id, ...change }),
      );
      expect([error.status, error.param]).toEqual([status, param]);
      expect(await countRows('subscription_checkouts')).toBe(before);
    });

    test("refuses another merchant's plan as unknown", async () => {
      const otherServer = provider.client({ secretKey: other.secretKey });
      const error = await apiErrorOf(otherServer.createSubscriptionCheckout({ plan: plan.id }));
      expect([error.status, error.param]).toEqual([404, 'plan']);
    });
  });

  describe('a paid first period', () => {
    test('starts the subscription with the payer, the quote’s asset and the grant', async () => {
      provider.clock.set(testStart);
      const { checkout, quote, subscriptionId } = await subscribe();
      const subscription = await server.getSubscription(subscriptionId);
      expect(subscription).toMatchObject({
        object: 'subscription',
        plan: plan.id,
        status: 'active',
        subscriber: shopper.address,
        amount_minor: '999',
        currency: 'EUR',
        billing_anchor: '2026-01-31T12:00:00.000Z',
        trial_end: null,
        current_period: {
          index: 0,
          start: '2026-01-31T12:00:00.000Z',
          end: '2026-02-28T12:00:00.000Z',
        },
        paid_periods: 1,
        paid_through: '2026-02-28T12:00:00.000Z',
        next_renewal_at: '2026-02-28T12:00:00.000Z',
        cancel_at: null,
        checkout_session: checkout.session_id,
        metadata: {},
      });
      expect(subscription.grant).toEqual(computeSubscriptionGrant({ plan, quote }));
      expect(subscription.grant).toMatchObject({
        token_address: usdcAddress,
        recipient: merchantAddress,
        period_amount: '11944566', // 9.99 / 0.92 = 10.858696 USDC, + 10 %
        period_duration: 28 * 86_400,
      });
      expect((await page.getSubscriptionCheckout(checkout.session_id)).subscription).toBe(
        subscriptionId,
      );
      expect(await subscriptionEvents(subscriptionId)).toEqual(['subscription.created']);
    });

    test('is counted once, however often the payment is reported', async () => {
      const { checkout, subscriptionId } = await subscribe();
      const session = await readCheckoutSession({
        db,
        id: checkout.session_id,
        merchantId: provider.merchant.id,
        now: provider.clock.now(),
      });
      if (session === undefined) throw new Error('no session');
      const again = await db.transaction((transaction) =>
        onCheckoutSessionSettled(transaction, session, provider.clock.now()),
      );
      expect(again.outcome).toBe('already_recorded');
      expect(await subscriptionEvents(subscriptionId)).toEqual(['subscription.created']);
    });

    test('leaves ordinary sessions alone', async () => {
      const ordinary = await server.createCheckoutSession({
        amount_minor: '100',
        currency: 'EUR',
        recipients: { '31337': merchantAddress },
        accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
      });
      await page.lockQuote(ordinary.id, { chain_id: 31337, asset: 'USDC' });
      const before = await countRows('subscriptions');
      const result = await settleSessionForTests({
        db,
        sessionId: ordinary.id,
        from: shopper.address,
        now: provider.clock.now(),
      });
      expect(result.outcome).toBe('not_subscription');
      expect(await countRows('subscriptions')).toBe(before);
    });

    test('waits while the first session is only underpaid', async () => {
      const checkout = await server.createSubscriptionCheckout({ plan: plan.id });
      await page.lockQuote(checkout.session_id, { chain_id: 31337, asset: 'USDC' });
      const result = await settleSessionForTests({
        db,
        sessionId: checkout.session_id,
        from: shopper.address,
        now: provider.clock.now(),
        status: 'underpaid',
      });
      expect(result.outcome).toBe('not_paid');
      expect((await page.getSubscriptionCheckout(checkout.session_id)).subscription).toBeNull();
    });
  });

  describe('POST /v1/subscriptions/checkout/{session_id}/trial', () => {
    async function trialRequest(planId = trialPlan.id) {
      const checkout = await server.createSubscriptionCheckout({ plan: planId });
      const quote = await page.lockQuote(checkout.session_id, { chain_id: 31337, asset: 'USDC' });
      const message = formatStartTrialMessage({
        sessionId: checkout.session_id,
        quoteId: quote.id,
        subscriber: shopper.address,
      });
      const signature = await shopper.signMessage({ message });
      return {
        checkout,
        quote,
        body: { quote_id: quote.id, subscriber: shopper.address, signature },
      };
    }

    test('starts a trial without payment: trialing, first payment due when it ends', async () => {
      provider.clock.set(testStart);
      const { checkout, body } = await trialRequest();
      const subscription = await page.startSubscriptionTrial(checkout.session_id, body);
      expect(subscription).toMatchObject({
        status: 'trialing',
        subscriber: shopper.address,
        billing_anchor: '2026-02-14T12:00:00.000Z',
        trial_end: '2026-02-14T12:00:00.000Z',
        current_period: null,
        paid_periods: 0,
        paid_through: '2026-02-14T12:00:00.000Z',
        next_renewal_at: '2026-02-14T12:00:00.000Z',
      });
      expect(subscription.metadata).toBeUndefined();
      expect(subscription.grant.start_time).toBe(Date.parse('2026-02-14T12:00:00.000Z') / 1000);
      expect(await subscriptionEvents(subscription.id)).toEqual(['subscription.created']);
      const twice = await apiErrorOf(page.startSubscriptionTrial(checkout.session_id, body));
      expect([twice.status, twice.code]).toEqual([409, 'subscription_exists']);
    });

    test('refuses a signature by anyone else, or over another message (403)', async () => {
      const { checkout, quote, body } = await trialRequest();
      const byStranger = await stranger.signMessage({
        message: formatStartTrialMessage({
          sessionId: checkout.session_id,
          quoteId: quote.id,
          subscriber: shopper.address,
        }),
      });
      const overOther = await shopper.signMessage({ message: 'TP Pay: start my free trial' });
      for (const signature of [byStranger, overOther, `0x${'11'.repeat(65)}`]) {
        const error = await apiErrorOf(
          page.startSubscriptionTrial(checkout.session_id, { ...body, signature }),
        );
        expect([error.status, error.code, error.param]).toEqual([
          403,
          'invalid_signature',
          'signature',
        ]);
      }
      expect((await page.getSubscriptionCheckout(checkout.session_id)).subscription).toBeNull();
    });

    test('refuses another session’s quote, an expired quote, and a plan without trial', async () => {
      const first = await trialRequest();
      const second = await trialRequest();
      const foreignQuote = {
        ...first.body,
        quote_id: second.quote.id,
        signature: await shopper.signMessage({
          message: formatStartTrialMessage({
            sessionId: first.checkout.session_id,
            quoteId: second.quote.id,
            subscriber: shopper.address,
          }),
        }),
      };
      const foreign = await apiErrorOf(
        page.startSubscriptionTrial(first.checkout.session_id, foreignQuote),
      );
      expect([foreign.status, foreign.param]).toEqual([400, 'quote_id']);

      provider.clock.advance(10 * 60_000);
      const expired = await apiErrorOf(
        page.startSubscriptionTrial(first.checkout.session_id, first.body),
      );
      expect([expired.status, expired.param]).toEqual([400, 'quote_id']);
      provider.clock.set(testStart);

      const paidPlan = await trialRequest(plan.id);
      const noTrial = await apiErrorOf(
        page.startSubscriptionTrial(paidPlan.checkout.session_id, paidPlan.body),
      );
      expect([noTrial.status, noTrial.code]).toEqual([400, 'invalid_request']);
    });

    test.each<[string, Record<string, unknown>]>([
      ['a short signature', { signature: '0x1234' }],
      ['a lowercase-free junk address', { subscriber: 'shopper' }],
      ['no quote', { quote_id: undefined }],
    ])('refuses %s with 400', async (_name, change) => {
      const { checkout, body } = await trialRequest();
      const error = await apiErrorOf(
        page.startSubscriptionTrial(checkout.session_id, { ...body, ...change }),
      );
      expect(error.status).toBe(400);
    });
  });

  describe('POST /v1/subscriptions/{id}/cancel', () => {
    test('cancels now: canceled, subscription.canceled, then 409 on a second try', async () => {
      provider.clock.set(testStart);
      const { subscriptionId } = await subscribe();
      provider.clock.advance(86_400_000);
      const canceled = await server.cancelSubscription(subscriptionId);
      expect(canceled).toMatchObject({
        status: 'canceled',
        canceled_at: '2026-02-01T12:00:00.000Z',
        cancellation_reason: 'merchant',
        next_renewal_at: null,
        current_period: null,
      });
      expect(await subscriptionEvents(subscriptionId)).toEqual([
        'subscription.created',
        'subscription.canceled',
      ]);
      const again = await apiErrorOf(server.cancelSubscription(subscriptionId));
      expect([again.status, again.code]).toEqual([409, 'subscription_not_active']);
    });

    test('cancels at the end of the paid time: still active, cancel_at set, no event yet', async () => {
      provider.clock.set(testStart);
      const { subscriptionId } = await subscribe();
      const scheduled = await server.cancelSubscription(subscriptionId, { at_period_end: true });
      expect(scheduled).toMatchObject({
        status: 'active',
        cancel_at: '2026-02-28T12:00:00.000Z',
        cancellation_reason: 'merchant',
      });
      expect(await subscriptionEvents(subscriptionId)).toEqual(['subscription.created']);
    });

    test('takes a bare POST without a body as "cancel now"', async () => {
      const { subscriptionId } = await subscribe();
      const response = await fetch(`${provider.url}/v1/subscriptions/${subscriptionId}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${provider.merchant.secretKey}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'canceled' });
    });

    test('needs the secret key; another merchant gets 404', async () => {
      const { subscriptionId } = await subscribe();
      const withPublishable = provider.client({ secretKey: provider.merchant.publishableKey });
      expect((await apiErrorOf(withPublishable.cancelSubscription(subscriptionId))).status).toBe(
        401,
      );
      const otherServer = provider.client({ secretKey: other.secretKey });
      expect((await apiErrorOf(otherServer.cancelSubscription(subscriptionId))).status).toBe(404);
      expect((await server.getSubscription(subscriptionId)).status).toBe('active');
    });
  });

  describe('POST /v1/subscriptions/{id}/cancel-by-subscriber', () => {
    async function signedCancel(subscriptionId: string, atPeriodEnd: boolean, signedAt: string) {
      const message = formatCancelSubscriptionMessage({ subscriptionId, atPeriodEnd, signedAt });
      return {
        at_period_end: atPeriodEnd,
        signed_at: signedAt,
        signature: await shopper.signMessage({ message }),
      };
    }

    test('lets the subscriber cancel with a personal_sign signature', async () => {
      provider.clock.set(testStart);
      const { subscriptionId } = await subscribe();
      const body = await signedCancel(subscriptionId, false, '2026-01-31T12:03:00.000Z');
      const canceled = await page.cancelSubscriptionAsSubscriber(subscriptionId, body);
      expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'subscriber' });
      expect(await subscriptionEvents(subscriptionId)).toEqual([
        'subscription.created',
        'subscription.canceled',
      ]);
    });

    test('schedules it at the period end when asked so', async () => {
      provider.clock.set(testStart);
      const { subscriptionId } = await subscribe();
      const body = await signedCancel(subscriptionId, true, '2026-01-31T11:55:00Z');
      const scheduled = await page.cancelSubscriptionAsSubscriber(subscriptionId, body);
      expect(scheduled).toMatchObject({ status: 'active', cancel_at: '2026-02-28T12:00:00.000Z' });
    });

    test('takes an Idempotency-Key: a retry gets the first answer, another body with it 409', async () => {
      provider.clock.set(testStart);
      const { subscriptionId } = await subscribe();
      const body = await signedCancel(subscriptionId, true, '2026-01-31T12:00:00.000Z');
      const send = (sent: object) =>
        fetch(`${provider.url}/v1/subscriptions/${subscriptionId}/cancel-by-subscriber`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${provider.merchant.publishableKey}`,
            'content-type': 'application/json',
            'idempotency-key': 'cancel-retry-1',
          },
          body: JSON.stringify(sent),
        });
      const first = await send(body);
      const retry = await send(body);
      expect([first.status, retry.status]).toEqual([200, 200]);
      expect(await retry.json()).toEqual(await first.json());
      const other = await send({ ...body, at_period_end: false });
      expect(other.status).toBe(409);
      expect(await subscriptionEvents(subscriptionId)).toEqual(['subscription.created']);
    });

    test('refuses anyone else, a changed request, and a stale or impossible time', async () => {
      provider.clock.set(testStart);
      const { subscriptionId } = await subscribe();
      const signedAt = '2026-01-31T12:00:00.000Z';
      const valid = await signedCancel(subscriptionId, true, signedAt);
      const byStranger = {
        ...valid,
        signature: await stranger.signMessage({
          message: formatCancelSubscriptionMessage({ subscriptionId, atPeriodEnd: true, signedAt }),
        }),
      };
      const cases: [Record<string, unknown>, number, string][] = [
        [byStranger, 403, 'signature'],
        // Signed for "at the period end", sent as "now".
        [{ ...valid, at_period_end: false }, 403, 'signature'],
        [await signedCancel(subscriptionId, false, '2026-01-31T11:49:59.000Z'), 400, 'signed_at'],
        [await signedCancel(subscriptionId, false, '2026-01-31T12:10:01.000Z'), 400, 'signed_at'],
        [{ ...valid, signed_at: '2026-02-31T12:00:00.000Z' }, 400, 'signed_at'],
        [{ ...valid, signed_at: '31/01/2026' }, 400, 'signed_at'],
      ];
      for (const [body, status, param] of cases) {
        const error = await apiErrorOf(
          page.cancelSubscriptionAsSubscriber(subscriptionId, body as typeof valid),
        );
        expect([error.status, error.param]).toEqual([status, param]);
      }
      expect((await server.getSubscription(subscriptionId)).status).toBe('active');
    });
  });

  describe('GET /v1/subscriptions/{id}/renewals/current', () => {
    test('answers 404 no_renewal_due before the next period, 409 once canceled', async () => {
      provider.clock.set(testStart);
      const { subscriptionId } = await subscribe();
      const early = await apiErrorOf(page.getCurrentRenewal(subscriptionId));
      expect([early.status, early.code]).toEqual([404, 'no_renewal_due']);
      await server.cancelSubscription(subscriptionId);
      const canceled = await apiErrorOf(page.getCurrentRenewal(subscriptionId));
      expect([canceled.status, canceled.code]).toEqual([409, 'subscription_not_active']);
    });

    test('answers 404 for an unknown subscription and 401 without a key', async () => {
      const unknown = await apiErrorOf(
        page.getCurrentRenewal('sub_00000000000000000000000000000000'),
      );
      expect(unknown.status).toBe(404);
      const response = await fetch(`${provider.url}/v1/subscriptions/sub_x/renewals/current`);
      expect(response.status).toBe(401);
    });

    test('lets any origin read it (the widget and the wallet call it)', async () => {
      const response = await fetch(
        `${provider.url}/v1/subscriptions/sub_x/renewals/current?key=${provider.merchant.publishableKey}`,
        { headers: { origin: 'https://shop.example' } },
      );
      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    });
  });

  test('lists its routes in the OpenAPI document', async () => {
    const response = await fetch(`${provider.url}/openapi.json`);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/plans',
        '/v1/plans/{id}',
        '/v1/subscriptions/checkout',
        '/v1/subscriptions/checkout/{session_id}',
        '/v1/subscriptions/checkout/{session_id}/trial',
        '/v1/subscriptions/{id}',
        '/v1/subscriptions/{id}/cancel',
        '/v1/subscriptions/{id}/cancel-by-subscriber',
        '/v1/subscriptions/{id}/renewals/current',
      ]),
    );
  });
});

import fc from 'fast-check';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreatePlanBody, Plan } from '../../shared/providerApi/Plan.ts';
import { ProviderApiError } from '../../shared/providerClient/errors.ts';
import type { ProviderClient } from '../../shared/providerClient/createProviderClient.ts';
import { addIntervals } from '../../shared/subscriptions/addIntervals.ts';
import { formatStartTrialMessage } from '../../shared/subscriptions/formatStartTrialMessage.ts';
import type { Database } from '../db/Database.ts';
import { testDatabases } from '../db/testDatabases.ts';
import { startTestProvider, testStart } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';
import { settleSessionForTests } from './settleSessionForTests.ts';
import { sweepSubscriptions } from './sweepSubscriptions.ts';

const merchantAddress = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
// Hardhat's development account #2: never holds real funds.
const shopper = privateKeyToAccount(
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
);

const base: CreatePlanBody = {
  name: 'Plan',
  amount_minor: '999',
  currency: 'EUR',
  interval: 'month',
  recipients: { '31337': merchantAddress },
  accepted_assets: [{ chain_id: 31337, asset: 'USDC' }],
};

/** What happens between two looks at the invariants. */
type Step =
  | { kind: 'advance'; ms: number }
  | { kind: 'sweep'; concurrent: number }
  | { kind: 'pay'; which: number; isLate: boolean }
  | { kind: 'cancel'; which: number; atPeriodEnd: boolean };

const hourMs = 3_600_000;
const steps = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.integer({ min: 60_000, max: 20 * 24 * hourMs }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('sweep' as const),
      concurrent: fc.integer({ min: 1, max: 3 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      which: fc.nat(3),
      isLate: fc.boolean(),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      which: fc.nat(3),
      atPeriodEnd: fc.boolean(),
    }),
    weight: 1,
  },
);

describe.each(testDatabases())('renewal invoices on $name', ({ open }) => {
  let db: Database;
  let provider: StartTestProviderReturnType;
  let server: ProviderClient;
  let page: ProviderClient;
  let plans: Plan[];

  beforeAll(async () => {
    db = await open();
    provider = await startTestProvider({ db });
    server = provider.client({ secretKey: provider.merchant.secretKey });
    page = provider.client({ publishableKey: provider.merchant.publishableKey });
    plans = [
      await server.createPlan({ ...base, name: 'monthly' }),
      await server.createPlan({
        ...base,
        name: 'fortnightly ×4',
        interval: 'week',
        interval_count: 2,
        cycles: 4,
      }),
      await server.createPlan({
        ...base,
        name: 'every 3 days, trial',
        interval: 'day',
        interval_count: 3,
        trial_days: 2,
      }),
      await server.createPlan({
        ...base,
        name: 'quarterly ×3',
        interval_count: 3,
        cycles: 3,
        grace_period_hours: 240,
      }),
    ];
  });

  afterAll(async () => {
    await provider.close();
    await db.close();
  });

  async function subscribe(plan: Plan): Promise<string> {
    const checkout = await server.createSubscriptionCheckout({ plan: plan.id });
    const quote = await page.lockQuote(checkout.session_id, { chain_id: 31337, asset: 'USDC' });
    if (plan.trial_days > 0) {
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
      return trial.id;
    }
    const settled = await settleSessionForTests({
      db,
      sessionId: checkout.session_id,
      from: shopper.address,
      now: provider.clock.now(),
    });
    if (settled.outcome !== 'subscription_started') throw new Error(settled.outcome);
    return settled.subscription.id;
  }

  async function run(step: Step, subscriptionIds: readonly string[]): Promise<void> {
    switch (step.kind) {
      case 'advance':
        provider.clock.advance(step.ms);
        await provider.app.rates.refresh();
        return;
      case 'sweep': {
        const signingKey = await provider.app.signingKey();
        const sweep = () =>
          sweepSubscriptions({
            db,
            rates: provider.app.rates,
            signingKey,
            now: provider.clock.now(),
          });
        await Promise.all(Array.from({ length: step.concurrent }, sweep));
        return;
      }
      case 'pay': {
        const id = subscriptionIds[step.which % subscriptionIds.length] ?? '';
        const { rows } = await db.query<{ session_id: string }>(
          `select session_id from subscription_invoices
           where subscription_id = $1 and status in ('open', 'missed', 'void')
           order by period_index desc limit 1`,
          [id],
        );
        const sessionId = rows[0]?.session_id;
        if (sessionId === undefined) return;
        const quotes = await db.query('select 1 from checkout_quotes where session_id = $1', [
          sessionId,
        ]);
        if (quotes.rows.length === 0) return;
        await settleSessionForTests({
          db,
          sessionId,
          from: shopper.address,
          now: provider.clock.now(),
          status: step.isLate ? 'paid_late' : 'settled',
        });
        return;
      }
      case 'cancel': {
        const id = subscriptionIds[step.which % subscriptionIds.length] ?? '';
        await server
          .cancelSubscription(id, { at_period_end: step.atPeriodEnd })
          .catch((error: unknown) => {
            if (!(error instanceof ProviderApiError && error.code === 'subscription_not_active'))
              throw error;
          });
        return;
      }
    }
  }

  async function checkInvariants(
    subscriptionIds: readonly string[],
    planBySubscription: Map<string, Plan>,
    hasJustSwept: boolean,
  ) {
    for (const id of subscriptionIds) {
      const plan = planBySubscription.get(id);
      if (plan === undefined) throw new Error('no plan');
      const {
        rows: [subscription],
      } = await db.query<{
        status: string;
        billing_anchor: Date;
        paid_periods: number;
        next_renewal_at: Date | null;
        cancel_at: Date | null;
      }>(
        `select status, billing_anchor, paid_periods, next_renewal_at, cancel_at
         from subscriptions where id = $1`,
        [id],
      );
      if (subscription === undefined) throw new Error('no subscription');
      const { rows: invoices } = await db.query<{
        period_index: number;
        period_start: Date;
        status: string;
        created_at: Date;
      }>(
        `select period_index, period_start, status, created_at from subscription_invoices
         where subscription_id = $1 order by period_index`,
        [id],
      );
      // One invoice per period, no gaps: periods are billed in order, each at most once.
      expect(invoices.map((invoice) => invoice.period_index)).toEqual(
        invoices.map((_, index) => index),
      );
      // At most one waiting for payment.
      expect(
        invoices.filter((invoice) => ['open', 'missed'].includes(invoice.status)).length,
      ).toBeLessThanOrEqual(1);
      const interval = { unit: plan.interval, count: plan.interval_count };
      for (const invoice of invoices) {
        const start = addIntervals({
          anchor: subscription.billing_anchor,
          interval,
          periods: invoice.period_index,
        });
        // Each for its own period, computed from the anchor, and never billed before it starts.
        expect(invoice.period_start.getTime()).toBe(start.getTime());
        expect(invoice.created_at.getTime()).toBeGreaterThanOrEqual(start.getTime());
        if (subscription.cancel_at !== null && invoice.period_index > 0) {
          expect(start.getTime()).toBeLessThan(subscription.cancel_at.getTime());
        }
      }
      if (plan.cycles !== null) expect(invoices.length).toBeLessThanOrEqual(plan.cycles);
      // And never too late: a live subscription's next period is due at its start, and a sweep
      // bills it as soon as it has started (unless a cancellation comes first).
      const isLive = subscription.status === 'trialing' || subscription.status === 'active';
      const hasCyclesLeft = plan.cycles === null || subscription.paid_periods < plan.cycles;
      if (isLive && hasCyclesLeft) {
        const nextStart = addIntervals({
          anchor: subscription.billing_anchor,
          interval,
          periods: subscription.paid_periods,
        });
        expect(subscription.next_renewal_at?.getTime()).toBe(nextStart.getTime());
        const isCanceledFirst =
          subscription.cancel_at !== null &&
          subscription.cancel_at.getTime() <= nextStart.getTime();
        if (hasJustSwept && nextStart <= provider.clock.now() && !isCanceledFirst) {
          expect(invoices.length).toBe(subscription.paid_periods + 1);
        }
      }
      // Every period counted as paid has its paid invoice; nothing is counted twice.
      expect(subscription.paid_periods).toBeLessThanOrEqual(invoices.length);
      for (const invoice of invoices.slice(0, subscription.paid_periods)) {
        expect(invoice.status).toBe('paid');
      }
      const { rows: events } = await db.query<{ type: string }>(
        `select type from webhook_events where data->>'id' = $1 order by seq`,
        [id],
      );
      const types = events.map((event) => event.type);
      expect(types.filter((type) => type === 'subscription.created')).toHaveLength(1);
      expect(types.filter((type) => type === 'subscription.renewed')).toHaveLength(
        subscription.paid_periods - (plan.trial_days > 0 ? 0 : 1),
      );
      const terminal = types.filter(
        (type) => type === 'subscription.canceled' || type === 'subscription.ended',
      );
      expect(terminal).toHaveLength(['canceled', 'ended'].includes(subscription.status) ? 1 : 0);
    }
  }

  test('never bills a period twice, whatever the sweeps, clock moves, payments and cancels', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(steps, { minLength: 1, maxLength: 18 }), async (script) => {
        provider.clock.set(testStart);
        await provider.app.rates.refresh();
        const planBySubscription = new Map<string, Plan>();
        for (const plan of plans) planBySubscription.set(await subscribe(plan), plan);
        const subscriptionIds = [...planBySubscription.keys()];
        try {
          for (const step of script) {
            await run(step, subscriptionIds);
            await checkInvariants(subscriptionIds, planBySubscription, step.kind === 'sweep');
          }
        } finally {
          // Retire this run's subscriptions so later runs' sweeps leave them alone.
          await db.query(
            `update subscriptions set status = 'canceled', next_renewal_at = null, cancel_at = null
             where id = any($1::text[])`,
            [subscriptionIds],
          );
        }
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});

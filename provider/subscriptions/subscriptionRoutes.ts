import type { FastifyInstance } from 'fastify';
import { CreatePlanBody, Plan, PlanIdParams } from '../../shared/providerApi/Plan.ts';
import type {
  CreatePlanBody as CreatePlanBodyType,
  Plan as PlanType,
} from '../../shared/providerApi/Plan.ts';
import {
  CancelSubscriptionBody,
  CreateSubscriptionCheckoutBody,
  StartTrialBody,
  SubscriberCancelBody,
  Subscription,
  SubscriptionCheckout,
  SubscriptionCheckoutParams,
  SubscriptionIdParams,
  SubscriptionInvoice,
} from '../../shared/providerApi/Subscription.ts';
import type {
  CancelSubscriptionBody as CancelSubscriptionBodyType,
  CreateSubscriptionCheckoutBody as CreateSubscriptionCheckoutBodyType,
  StartTrialBody as StartTrialBodyType,
  SubscriberCancelBody as SubscriberCancelBodyType,
  Subscription as SubscriptionType,
  SubscriptionCheckout as SubscriptionCheckoutType,
  SubscriptionInvoice as SubscriptionInvoiceType,
} from '../../shared/providerApi/Subscription.ts';
import { InvalidSubscriptionTermsError } from '../../shared/subscriptions/errors.ts';
import { formatCancelSubscriptionMessage } from '../../shared/subscriptions/formatCancelSubscriptionMessage.ts';
import { ErrorResponse } from '../http/ErrorResponse.ts';
import { ApiError } from '../http/errors.ts';
import { merchantRoute } from '../http/merchantRoute.ts';
import { cancelSubscription } from './cancelSubscription.ts';
import { createSubscriptionCheckout } from './createSubscriptionCheckout.ts';
import { createSubscriptionSweeper } from './createSubscriptionSweeper.ts';
import { insertPlan } from './insertPlan.ts';
import { parseCreatePlanBody } from './parseCreatePlanBody.ts';
import type { PlanRecord } from './PlanRecord.ts';
import { readCurrentInvoice } from './readCurrentInvoice.ts';
import { readPlan } from './readPlan.ts';
import { readSubscription } from './readSubscription.ts';
import { readSubscriptionCheckout } from './readSubscriptionCheckout.ts';
import { startSubscriptionTrial } from './startSubscriptionTrial.ts';
import type { SubscriptionCheckoutRecord } from './SubscriptionCheckoutRecord.ts';
import { toInvoiceResponse } from './toInvoiceResponse.ts';
import { toPlanResponse } from './toPlanResponse.ts';
import { toSubscriptionResponse } from './toSubscriptionResponse.ts';
import { verifySubscriberSignature } from './verifySubscriberSignature.ts';

export type SubscriptionRoutesOptions = {
  /** How long a renewal's locked quote holds (default 600 s). */
  quoteTtlSeconds?: number;
  /**
   * The sweeper loop (renewals, grace periods, scheduled cancellations), started once the server
   * listens (not for `inject()`), stopped on close. `false` (default): none in this process.
   */
  sweeper?: false | { intervalMs?: number };
};

/** How far a subscriber's `signed_at` may be from the provider's clock. */
export const subscriberSignatureWindowMs = 10 * 60 * 1000;

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  429: ErrorResponse,
  503: ErrorResponse,
};

/**
 * Plans and subscriptions (provider/subscriptions/README.md):
 * - `POST /v1/plans` (secret), `GET /v1/plans/{id}` (any key).
 * - `POST /v1/subscriptions/checkout` (secret): a checkout session in subscription mode.
 * - `GET /v1/subscriptions/checkout/{session_id}` (any key): the plan behind a session.
 * - `POST /v1/subscriptions/checkout/{session_id}/trial` (any key + the shopper's signature).
 * - `GET /v1/subscriptions/{id}` (any key).
 * - `POST /v1/subscriptions/{id}/cancel` (secret): the merchant cancels.
 * - `POST /v1/subscriptions/{id}/cancel-by-subscriber` (any key + the subscriber's signature).
 * - `GET /v1/subscriptions/{id}/renewals/current` (any key): what the wallet pays now.
 * A key only ever reaches its own merchant's objects; another's answer 404 like unknown ids.
 */
export function subscriptionRoutes(
  app: FastifyInstance,
  { quoteTtlSeconds, sweeper = false }: SubscriptionRoutesOptions,
): Promise<void> {
  const ttl = quoteTtlSeconds === undefined ? {} : { quoteTtlSeconds };

  const planRoute = merchantRoute({ accepts: ['secret'], isIdempotent: true });
  app.post<{ Body: CreatePlanBodyType; Reply: PlanType }>(
    '/v1/plans',
    {
      schema: {
        summary: 'Create a subscription plan',
        description:
          'A price per period (day, week, month or year, with a count), an optional trial and ' +
          'number of cycles, the margin the allowance leaves for rate moves, and how it is paid. ' +
          'Plans never change: make a new one for a new price.',
        tags: ['subscriptions'],
        ...planRoute.schema,
        body: CreatePlanBody,
        response: { 200: Plan, ...errors },
      },
      ...planRoute.hooks,
    },
    async (request) => {
      const merchant = planRoute.merchantOf(request);
      const plan = parseCreatePlanBody({ body: request.body, pricedPairs: app.rates.pairs });
      const created = await insertPlan({
        db: app.db,
        merchantId: merchant.id,
        plan,
        now: app.now(),
      });
      return toPlanResponse({ plan: created, includeMetadata: true });
    },
  );

  const readPlanRoute = merchantRoute({ accepts: ['secret', 'publishable'] });
  app.get<{ Params: { id: string }; Reply: PlanType }>(
    '/v1/plans/:id',
    {
      schema: {
        summary: 'Read a plan',
        tags: ['subscriptions'],
        ...readPlanRoute.schema,
        params: PlanIdParams,
        response: { 200: Plan, ...errors },
      },
      ...readPlanRoute.hooks,
    },
    async (request) => {
      const merchant = readPlanRoute.merchantOf(request);
      const plan = await readPlan({ db: app.db, id: request.params.id, merchantId: merchant.id });
      if (plan === undefined) {
        throw new ApiError({ code: 'not_found', message: 'No such plan.', param: 'id' });
      }
      return toPlanResponse({ plan, includeMetadata: merchant.keyKind === 'secret' });
    },
  );

  const checkoutRoute = merchantRoute({ accepts: ['secret'], isIdempotent: true });
  app.post<{ Body: CreateSubscriptionCheckoutBodyType; Reply: SubscriptionCheckoutType }>(
    '/v1/subscriptions/checkout',
    {
      schema: {
        summary: 'Create a checkout session in subscription mode',
        description:
          'A checkout session for the first period of `plan` (its price, assets and ' +
          'recipients). Show it with `<tp-checkout session="…">`. Paying it creates the ' +
          'subscription (`subscription.created`); with a trial, the shopper signs a trial start ' +
          'instead of paying.',
        tags: ['subscriptions'],
        ...checkoutRoute.schema,
        body: CreateSubscriptionCheckoutBody,
        response: { 200: SubscriptionCheckout, ...errors },
      },
      ...checkoutRoute.hooks,
    },
    async (request) => {
      const merchant = checkoutRoute.merchantOf(request);
      const created = await createSubscriptionCheckout({
        db: app.db,
        merchantId: merchant.id,
        body: request.body,
        pricedPairs: app.rates.pairs,
        now: app.now(),
      });
      return toCheckoutResponse({
        checkout: created.checkout,
        plan: created.plan,
        subscriptionId: null,
        expiresAt: created.session.expiresAt,
        includeMetadata: true,
      });
    },
  );

  const readCheckoutRoute = merchantRoute({ accepts: ['secret', 'publishable'] });
  app.get<{ Params: { session_id: string }; Reply: SubscriptionCheckoutType }>(
    '/v1/subscriptions/checkout/:session_id',
    {
      schema: {
        summary: 'Read the plan behind a checkout session',
        description:
          'What the widget shows for a session in subscription mode (404 for an ordinary ' +
          'session), and the subscription once it exists.',
        tags: ['subscriptions'],
        ...readCheckoutRoute.schema,
        params: SubscriptionCheckoutParams,
        response: { 200: SubscriptionCheckout, ...errors },
      },
      ...readCheckoutRoute.hooks,
    },
    async (request) => {
      const merchant = readCheckoutRoute.merchantOf(request);
      const found = await readSubscriptionCheckout({
        db: app.db,
        sessionId: request.params.session_id,
        merchantId: merchant.id,
      });
      if (found === undefined) {
        throw new ApiError({
          code: 'not_found',
          message: 'No such subscription checkout.',
          param: 'session_id',
        });
      }
      return toCheckoutResponse({ ...found, includeMetadata: merchant.keyKind === 'secret' });
    },
  );

  const trialRoute = merchantRoute({ accepts: ['secret', 'publishable'], isIdempotent: true });
  app.post<{
    Params: { session_id: string };
    Body: StartTrialBodyType;
    Reply: SubscriptionType;
  }>(
    '/v1/subscriptions/checkout/:session_id/trial',
    {
      schema: {
        summary: 'Start the free trial of a subscription checkout',
        description:
          'For plans with `trial_days`: no payment now. Send a quote locked on the session for ' +
          'the asset chosen (it fixes the allowance) and the subscriber’s `personal_sign` ' +
          'signature over formatStartTrialMessage (shared/subscriptions). The subscription is ' +
          '`trialing`; the first payment falls due when the trial ends.',
        tags: ['subscriptions'],
        ...trialRoute.schema,
        params: SubscriptionCheckoutParams,
        body: StartTrialBody,
        response: { 200: Subscription, ...errors },
      },
      ...trialRoute.hooks,
    },
    async (request) => {
      const merchant = trialRoute.merchantOf(request);
      const now = app.now();
      const { subscription, plan } = await startSubscriptionTrial({
        db: app.db,
        merchantId: merchant.id,
        sessionId: request.params.session_id,
        quoteId: request.body.quote_id,
        subscriber: request.body.subscriber,
        signature: request.body.signature,
        now,
      });
      return toSubscriptionResponse({
        subscription,
        plan,
        now,
        includeMetadata: merchant.keyKind === 'secret',
      });
    },
  );

  const readSubscriptionRoute = merchantRoute({ accepts: ['secret', 'publishable'] });
  app.get<{ Params: { id: string }; Reply: SubscriptionType }>(
    '/v1/subscriptions/:id',
    {
      schema: {
        summary: 'Read a subscription',
        description: 'Its state, periods, and the allowance (`grant`) the wallet was asked for.',
        tags: ['subscriptions'],
        ...readSubscriptionRoute.schema,
        params: SubscriptionIdParams,
        response: { 200: Subscription, ...errors },
      },
      ...readSubscriptionRoute.hooks,
    },
    async (request) => {
      const merchant = readSubscriptionRoute.merchantOf(request);
      const found = await readSubscription({
        db: app.db,
        id: request.params.id,
        merchantId: merchant.id,
      });
      if (found === undefined) {
        throw new ApiError({ code: 'not_found', message: 'No such subscription.', param: 'id' });
      }
      return toSubscriptionResponse({
        ...found,
        now: app.now(),
        includeMetadata: merchant.keyKind === 'secret',
      });
    },
  );

  const cancelRoute = merchantRoute({ accepts: ['secret'], isIdempotent: true });
  app.post<{ Params: { id: string }; Body: CancelSubscriptionBodyType; Reply: SubscriptionType }>(
    '/v1/subscriptions/:id/cancel',
    {
      schema: {
        summary: 'Cancel a subscription',
        description:
          'Now (`subscription.canceled`, nothing more is billed), or with `at_period_end` when ' +
          'the paid time ends (`cancel_at`; the event comes then).',
        tags: ['subscriptions'],
        ...cancelRoute.schema,
        params: SubscriptionIdParams,
        body: CancelSubscriptionBody,
        response: { 200: Subscription, ...errors },
      },
      ...cancelRoute.hooks,
      // A bare `POST …/cancel` (no body at all) means the defaults, as `{}` does.
      preValidation: (request, _reply, done) => {
        // Typed as the schema's object, yet undefined here when no body was sent.
        if ((request.body as unknown) === undefined) request.body = {};
        done();
      },
    },
    async (request) => {
      const merchant = cancelRoute.merchantOf(request);
      const now = app.now();
      const { subscription, plan } = await cancelSubscription({
        db: app.db,
        merchantId: merchant.id,
        subscriptionId: request.params.id,
        atPeriodEnd: request.body.at_period_end ?? false,
        reason: 'merchant',
        now,
      });
      return toSubscriptionResponse({ subscription, plan, now, includeMetadata: true });
    },
  );

  const subscriberCancelRoute = merchantRoute({
    accepts: ['secret', 'publishable'],
    isIdempotent: true,
  });
  app.post<{ Params: { id: string }; Body: SubscriberCancelBodyType; Reply: SubscriptionType }>(
    '/v1/subscriptions/:id/cancel-by-subscriber',
    {
      schema: {
        summary: 'Cancel a subscription as its subscriber',
        description:
          'From the widget or the wallet: the subscriber’s address signs ' +
          'formatCancelSubscriptionMessage (shared/subscriptions) with `personal_sign` ' +
          '(EIP-191, externally owned accounts), `signed_at` within 10 minutes of now.',
        tags: ['subscriptions'],
        ...subscriberCancelRoute.schema,
        params: SubscriptionIdParams,
        body: SubscriberCancelBody,
        response: { 200: Subscription, ...errors },
      },
      ...subscriberCancelRoute.hooks,
    },
    async (request) => {
      const merchant = subscriberCancelRoute.merchantOf(request);
      const now = app.now();
      const found = await readSubscription({
        db: app.db,
        id: request.params.id,
        merchantId: merchant.id,
      });
      if (found === undefined) {
        throw new ApiError({ code: 'not_found', message: 'No such subscription.', param: 'id' });
      }
      const { at_period_end: atPeriodEnd, signed_at: signedAt, signature } = request.body;
      let message: string;
      try {
        message = formatCancelSubscriptionMessage({
          subscriptionId: found.subscription.id,
          atPeriodEnd,
          signedAt,
        });
      } catch (error) {
        if (!(error instanceof InvalidSubscriptionTermsError)) throw error;
        throw new ApiError({
          code: 'invalid_request',
          message: 'Not a real UTC time.',
          param: 'signed_at',
          cause: error,
        });
      }
      if (Math.abs(Date.parse(signedAt) - now.getTime()) > subscriberSignatureWindowMs) {
        throw new ApiError({
          code: 'invalid_request',
          message: 'Signed more than 10 minutes away from now: sign again.',
          param: 'signed_at',
        });
      }
      const isSigned = await verifySubscriberSignature({
        address: found.subscription.subscriber,
        message,
        signature,
      });
      if (!isSigned) {
        throw new ApiError({
          code: 'invalid_signature',
          message: 'The signature is not by the subscriber over this cancellation.',
          param: 'signature',
        });
      }
      const { subscription, plan } = await cancelSubscription({
        db: app.db,
        merchantId: merchant.id,
        subscriptionId: found.subscription.id,
        atPeriodEnd,
        reason: 'subscriber',
        now,
      });
      return toSubscriptionResponse({
        subscription,
        plan,
        now,
        includeMetadata: merchant.keyKind === 'secret',
      });
    },
  );

  const readInvoiceRoute = merchantRoute({ accepts: ['secret', 'publishable'] });
  app.get<{ Params: { id: string }; Reply: SubscriptionInvoiceType }>(
    '/v1/subscriptions/:id/renewals/current',
    {
      schema: {
        summary: 'Read the renewal to pay now',
        description:
          'The invoice of the period due, with a signed quote to pay (verify it with ' +
          'verifyQuoteSignature, then pay it only if it fits the grant for that period). 404 ' +
          '`no_renewal_due` when nothing is due; 409 `subscription_not_active` once canceled ' +
          'or ended.',
        tags: ['subscriptions'],
        ...readInvoiceRoute.schema,
        params: SubscriptionIdParams,
        response: { 200: SubscriptionInvoice, ...errors },
      },
      ...readInvoiceRoute.hooks,
    },
    async (request) => {
      const merchant = readInvoiceRoute.merchantOf(request);
      const current = await readCurrentInvoice({
        db: app.db,
        merchantId: merchant.id,
        subscriptionId: request.params.id,
        rates: app.rates,
        signingKey: app.signingKey,
        now: app.now(),
        ...ttl,
      });
      return toInvoiceResponse(current);
    },
  );

  if (sweeper !== false) {
    const { intervalMs = 15_000 } = sweeper;
    const worker = createSubscriptionSweeper({
      db: app.db,
      rates: app.rates,
      signingKey: app.signingKey,
      now: app.now,
      ...ttl,
      onError: (error) => {
        app.log.error({ err: error }, 'subscription sweep failed');
      },
    });
    app.addHook('onListen', (done) => {
      worker.start({ intervalMs });
      done();
    });
    app.addHook('onClose', async () => {
      await worker.stop();
    });
  }
  return Promise.resolve();
}

function toCheckoutResponse({
  checkout,
  plan,
  subscriptionId,
  expiresAt,
  includeMetadata,
}: {
  checkout: SubscriptionCheckoutRecord;
  plan: PlanRecord;
  subscriptionId: string | null;
  expiresAt: Date;
  includeMetadata: boolean;
}): SubscriptionCheckoutType {
  return {
    object: 'subscription_checkout',
    session_id: checkout.sessionId,
    plan: toPlanResponse({ plan, includeMetadata }),
    subscription: subscriptionId,
    ...(includeMetadata ? { metadata: { ...checkout.metadata } } : {}),
    expires_at: expiresAt.toISOString(),
    created_at: checkout.createdAt.toISOString(),
  };
}

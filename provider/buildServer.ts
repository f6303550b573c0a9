import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import packageJson from '../package.json' with { type: 'json' };
import type { Database } from './db/Database.ts';
import { checkoutRoutes } from './checkout/checkoutRoutes.ts';
import type { CheckoutRoutesOptions } from './checkout/checkoutRoutes.ts';
import { allowCrossOrigin } from './cors/allowCrossOrigin.ts';
import { healthRoutes } from './health/healthRoutes.ts';
import { ApiError } from './http/errors.ts';
import { replyWithError } from './http/replyWithError.ts';
import { createLocalRateSettings } from './rateBook/createLocalRateSettings.ts';
import { createRateBook } from './rateBook/createRateBook.ts';
import type { RateBook } from './rateBook/createRateBook.ts';
import type { RateBookSettings } from './rateBook/RateBookSettings.ts';
import { rateRoutes } from './rateBook/rateRoutes.ts';
import { createRateLimiter } from './rateLimits/createRateLimiter.ts';
import type { RateLimit, RateLimiter } from './rateLimits/createRateLimiter.ts';
import { limitRate } from './rateLimits/limitRate.ts';
import { withLogRedaction } from './logging/withLogRedaction.ts';
import { registerMetrics } from './metrics/registerMetrics.ts';
import { createMerchantKeyCache } from './merchants/createMerchantKeyCache.ts';
import type { MerchantKeyCache } from './merchants/createMerchantKeyCache.ts';
import type { FetchFunction } from './rates/fetchSourceQuote.ts';
import { keyRoutes } from './signing/keyRoutes.ts';
import { createSigningKeyCache } from './signing/createSigningKeyCache.ts';
import type { SigningKeyCache } from './signing/createSigningKeyCache.ts';
import { subscriptionRoutes } from './subscriptions/subscriptionRoutes.ts';
import type { SubscriptionRoutesOptions } from './subscriptions/subscriptionRoutes.ts';
import { webhookRoutes } from './webhooks/webhookRoutes.ts';
import { onrampCrossOriginRoutes, onrampRoutes } from './onramp/onrampRoutes.ts';
import type { OnrampSettings } from './onramp/OnrampSettings.ts';
import type { WebhookRoutesOptions } from './webhooks/webhookRoutes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The provider's storage; plugins reach it here, never through a module-level import. */
    db: Database;
    /** The clock; plugins read time here so tests can set it. */
    now: () => Date;
    /** Current rates per pair; `refresh()` asks the sources again. */
    rates: RateBook;
    /** The key that signs locked quotes (loaded on first use); public at `GET /v1/keys`. */
    signingKey: SigningKeyCache;
    /** Per client IP (every /v1 request) and per API key (after authentication). */
    rateLimiters: { perIp: RateLimiter; perKey: RateLimiter };
    /** API key → merchant, remembered for a minute (see createMerchantKeyCache.ts). */
    merchantKeys: MerchantKeyCache;
  }
}

export type RateLimitSettings = { perIp: RateLimit; perKey: RateLimit };

export const defaultRateLimits: RateLimitSettings = {
  perIp: { capacity: 120, refillPerSecond: 20 },
  perKey: { capacity: 100, refillPerSecond: 25 },
};

export type BuildServerParameters = {
  /** Opened and migrated by the caller, who also closes it (after the server). */
  db: Database;
  now?: () => Date;
  /** `false` (default) for silence, or pino options such as `{ level: 'info' }`. */
  logger?: FastifyServerOptions['logger'];
  /** Pairs and sources; default: the dev stack's fixed local sources (RATES_MODE=local). */
  rates?: RateBookSettings;
  /** What rate sources are fetched with (tests pass their own). */
  fetch?: FetchFunction;
  rateLimits?: RateLimitSettings;
  /** How long a locked quote holds (default 600 s). */
  quoteTtlSeconds?: number;
  /** Watched chains, for `POST /v1/checkout/sessions/{id}/payments`; and how long it waits. */
  chains?: CheckoutRoutesOptions['chains'];
  reportPaymentWaitMs?: number;
  /** Webhook delivery loop (default: one per process, on listen); dev-only http URLs. */
  webhooks?: WebhookRoutesOptions;
  /** When set, `GET /metrics` needs it as a bearer token (METRICS_TOKEN). */
  metricsToken?: string | undefined;
  /** The subscription sweeper (renewals, grace periods): off unless `{ intervalMs }` is given. */
  subscriptions?: Pick<SubscriptionRoutesOptions, 'sweeper'>;
  /** On-ramp adapters and compliance policy (provider/onramp/README.md); default: none configured. */
  onramp?: OnrampSettings;
};

export type BuildServerReturnType = FastifyInstance;

export const bodyLimitBytes = 64 * 1024;

/**
 * The provider API as a Fastify instance, routes registered but not listening: `inject()` for
 * tests, `listen()` to serve. Each concern is a plugin; the db and the clock are decorations.
 */
export async function buildServer({
  db,
  now = () => new Date(),
  logger = false,
  rates = createLocalRateSettings(),
  fetch,
  rateLimits = defaultRateLimits,
  quoteTtlSeconds,
  metricsToken,
  chains,
  reportPaymentWaitMs,
  webhooks = {},
  subscriptions = {},
  onramp = { adapters: [], compliance: { regions: [] } },
}: BuildServerParameters): Promise<BuildServerReturnType> {
  const app = Fastify({
    logger: withLogRedaction(logger),
    bodyLimit: bodyLimitBytes,
    ajv: {
      customOptions: {
        // Unknown fields are refused (400), not silently dropped, where a schema sets
        // additionalProperties: false.
        removeAdditional: false,
        // Inputs are taken as sent: `"amount": 15` must not become "15" (money travels as decimal
        // strings, never as JSON numbers). Query and path values are strings too, so declare them
        // as `Type.String({ pattern })` and convert in the route.
        coerceTypes: false,
      },
    },
    frameworkErrors: replyWithError,
    // Fastify's own 503 while closing has another body shape; the preClose hook below answers instead.
    return503OnClosing: false,
  });

  // The API speaks JSON only: a text/plain body gets 415, not a confusing "must be object".
  app.removeContentTypeParser('text/plain');
  app.decorate('db', db);
  app.decorate('now', now);
  const rateBook = createRateBook({
    ...rates,
    now,
    ...(fetch === undefined ? {} : { fetch }),
    onError: (error) => {
      app.metrics.rateRefreshFailures.inc();
      app.log.error({ err: error }, 'rates refresh failed');
    },
  });
  app.decorate('rates', rateBook);
  registerMetrics(app, { token: metricsToken });
  app.decorate('signingKey', createSigningKeyCache({ db, now }));
  app.decorate('merchantKeys', createMerchantKeyCache({ db, now }));
  app.decorate('rateLimiters', {
    perIp: createRateLimiter({ ...rateLimits.perIp, now }),
    perKey: createRateLimiter({ ...rateLimits.perKey, now }),
  });
  app.decorateRequest('merchant', null);
  app.addHook('onReady', () => rateBook.start());
  app.addHook('onClose', (_instance, done) => {
    rateBook.stop();
    done();
  });

  app.setErrorHandler(replyWithError);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const error = new ApiError({
      code: 'not_found',
      message: `No route for ${request.method} ${path}.`,
    });
    replyWithError(error, request, reply);
  });

  let isClosing = false;
  app.addHook('preClose', (done) => {
    isClosing = true;
    done();
  });
  app.addHook('onRequest', (_request, reply, done) => {
    if (!isClosing) {
      done();
      return;
    }
    void reply.header('connection', 'close');
    done(new ApiError({ code: 'not_ready', message: 'The server is shutting down.' }));
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith('/v1/')) {
      done();
      return;
    }
    try {
      limitRate({ limiter: app.rateLimiters.perIp, key: request.ip, reply });
      done();
    } catch (error) {
      done(error as ApiError);
    }
  });

  // Before any route: the document is built from the routes registered after it.
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'TP Provider API',
        version: packageJson.version,
        description: 'Rates, checkout sessions, payments and webhooks for TP Pay.',
      },
      components: {
        securitySchemes: {
          secretKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'The secret key, `sk_…`: from your server only.',
          },
          publishableKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'The publishable key, `pk_…`: safe in the page; reads its own sessions.',
          },
          publishableKeyQuery: { type: 'apiKey', in: 'query', name: 'key' },
        },
      },
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, () => Promise.resolve(app.swagger()));

  await app.register(healthRoutes);
  allowCrossOrigin(app, {
    routes: [
      '/v1/rates',
      '/v1/keys',
      '/v1/checkout/sessions/:id',
      '/v1/checkout/sessions/:id/quotes',
      '/v1/checkout/sessions/:id/payments',
      '/v1/plans/:id',
      '/v1/subscriptions/:id',
      '/v1/subscriptions/:id/renewals/current',
      '/v1/subscriptions/:id/cancel-by-subscriber',
      '/v1/subscriptions/checkout/:session_id',
      '/v1/subscriptions/checkout/:session_id/trial',
      ...onrampCrossOriginRoutes,
    ],
    methods: ['GET', 'POST'],
  });
  await app.register(rateRoutes);
  await app.register(keyRoutes);
  await app.register(checkoutRoutes, {
    ...(quoteTtlSeconds === undefined ? {} : { quoteTtlSeconds }),
    ...(chains === undefined ? {} : { chains }),
    ...(reportPaymentWaitMs === undefined ? {} : { reportPaymentWaitMs }),
  });
  await app.register(webhookRoutes, webhooks);
  await app.register(subscriptionRoutes, {
    ...subscriptions,
    ...(quoteTtlSeconds === undefined ? {} : { quoteTtlSeconds }),
  });
  await app.register(onrampRoutes, onramp);

  return app;
}

import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Hex } from 'viem';
import { ReportPaymentBody } from '../../shared/providerApi/CheckoutPayment.ts';
import type { ReportPaymentBody as ReportPaymentBodyType } from '../../shared/providerApi/CheckoutPayment.ts';
import { CheckoutQuote, LockQuoteBody } from '../../shared/providerApi/CheckoutQuote.ts';
import type {
  CheckoutQuote as CheckoutQuoteType,
  LockQuoteBody as LockQuoteBodyType,
} from '../../shared/providerApi/CheckoutQuote.ts';
import {
  CheckoutSession,
  CreateCheckoutSessionBody,
  SessionIdParams,
} from '../../shared/providerApi/CheckoutSession.ts';
import type {
  CheckoutSession as CheckoutSessionType,
  CreateCheckoutSessionBody as CreateCheckoutSessionBodyType,
} from '../../shared/providerApi/CheckoutSession.ts';
import { ErrorResponse } from '../http/ErrorResponse.ts';
import { ApiError } from '../http/errors.ts';
import {
  createIdempotencyHooks,
  idempotencyKeyMaxLength,
} from '../idempotency/createIdempotencyHooks.ts';
import { authenticateMerchant } from '../merchants/authenticateMerchant.ts';
import type { AuthenticatedMerchant } from '../merchants/findMerchantByKey.ts';
import type { CheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { insertCheckoutSession } from './insertCheckoutSession.ts';
import { listSessionPayments } from './listSessionPayments.ts';
import { lockQuote } from './lockQuote.ts';
import { parseCreateSessionBody } from './parseCreateSessionBody.ts';
import type { PaymentChain } from './PaymentChain.ts';
import { readCheckoutSession } from './readCheckoutSession.ts';
import { reportPayment } from './reportPayment.ts';
import { toCheckoutSessionResponse } from './toCheckoutSessionResponse.ts';

export type CheckoutRoutesOptions = {
  /** How long a locked quote holds (default 600 s). */
  quoteTtlSeconds?: number;
  /** The chains whose payments this provider watches, by chain id (none: reports answer 503). */
  chains?: ReadonlyMap<number, PaymentChain>;
  /** How long a payment report waits for the watcher to record the transaction. Default 3 s. */
  reportPaymentWaitMs?: number;
};

export const defaultReportPaymentWaitMs = 3_000;

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: idempotencyKeyMaxLength,
      description:
        'Optional. A retry with the same key and body gets the first response again (24 h, ' +
        'per merchant); another body with the same key gets 409 `idempotency_conflict`.',
    }),
  ),
});

const PublishableKeyQuery = Type.Object(
  {
    key: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'The publishable key (`pk_…`), for pages that cannot set a header.',
      }),
    ),
  },
  { additionalProperties: false },
);

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
  429: ErrorResponse,
  503: ErrorResponse,
};

/**
 * Checkout sessions and their quotes:
 * - `POST /v1/checkout/sessions` (secret key): a price to pay, how, to whom, until when.
 * - `GET /v1/checkout/sessions/{id}` (publishable or secret key): what the widget shows.
 * - `POST /v1/checkout/sessions/{id}/quotes` (publishable or secret key): lock one option.
 * - `POST /v1/checkout/sessions/{id}/payments` (publishable or secret key): the widget reports
 *   the transaction it sent, for a faster answer than the watcher's next poll.
 * A key only ever reaches its own merchant's sessions; another's answer 404 like unknown ids.
 */
export function checkoutRoutes(
  app: FastifyInstance,
  {
    quoteTtlSeconds,
    chains = new Map(),
    reportPaymentWaitMs = defaultReportPaymentWaitMs,
  }: CheckoutRoutesOptions,
): Promise<void> {
  const secretOnly = authenticateMerchant({ accepts: ['secret'] });
  const anyKey = authenticateMerchant({ accepts: ['secret', 'publishable'] });
  const anyKeySecurity: Record<string, string[]>[] = [
    { secretKey: [] },
    { publishableKey: [] },
    { publishableKeyQuery: [] },
  ];

  const createIdempotency = createIdempotencyHooks();
  app.post<{ Body: CreateCheckoutSessionBodyType; Reply: CheckoutSessionType }>(
    '/v1/checkout/sessions',
    {
      schema: {
        summary: 'Create a checkout session',
        tags: ['checkout'],
        security: [{ secretKey: [] }],
        headers: IdempotencyHeaders,
        body: CreateCheckoutSessionBody,
        response: { 200: CheckoutSession, ...errors },
      },
      onRequest: secretOnly,
      preHandler: createIdempotency.preHandler,
      onSend: createIdempotency.onSend,
    },
    async (request) => {
      const merchant = requireMerchant(request);
      const session = parseCreateSessionBody({ body: request.body, pricedPairs: app.rates.pairs });
      const created = await insertCheckoutSession({
        db: app.db,
        merchantId: merchant.id,
        session,
        now: app.now(),
      });
      app.metrics.checkoutSessionsCreated.inc();
      return toCheckoutSessionResponse({
        session: created,
        payments: [],
        rates: app.rates,
        includeMetadata: true,
      });
    },
  );

  app.get<{ Params: { id: string }; Reply: CheckoutSessionType }>(
    '/v1/checkout/sessions/:id',
    {
      schema: {
        summary: 'Read a checkout session and its payment options',
        tags: ['checkout'],
        security: anyKeySecurity,
        params: SessionIdParams,
        querystring: PublishableKeyQuery,
        response: { 200: CheckoutSession, ...errors },
      },
      onRequest: anyKey,
    },
    async (request) => {
      const merchant = requireMerchant(request);
      const session = await readOwnSession(app, request.params.id, merchant);
      return respondWithSession(app, session, merchant);
    },
  );

  const quoteIdempotency = createIdempotencyHooks();
  app.post<{ Params: { id: string }; Body: LockQuoteBodyType; Reply: CheckoutQuoteType }>(
    '/v1/checkout/sessions/:id/quotes',
    {
      schema: {
        summary: 'Lock a quote for one payment option',
        description:
          'An exact amount in base units at the current rate, rounded up; valid 10 minutes (never ' +
          "past the session's expiry); a 16-byte reference to append to the transfer's calldata; " +
          'signed by the provider (`GET /v1/keys`).',
        tags: ['checkout'],
        security: anyKeySecurity,
        headers: IdempotencyHeaders,
        params: SessionIdParams,
        querystring: PublishableKeyQuery,
        body: LockQuoteBody,
        response: { 200: CheckoutQuote, ...errors },
      },
      onRequest: anyKey,
      preHandler: quoteIdempotency.preHandler,
      onSend: quoteIdempotency.onSend,
    },
    async (request) => {
      const merchant = requireMerchant(request);
      const session = await readOwnSession(app, request.params.id, merchant);
      const quote = await lockQuote({
        db: app.db,
        session,
        chainId: request.body.chain_id,
        asset: request.body.asset,
        rates: app.rates,
        signingKey: await app.signingKey(),
        now: app.now(),
        ...(quoteTtlSeconds === undefined ? {} : { ttlSeconds: quoteTtlSeconds }),
      });
      app.metrics.quotesLocked.inc();
      return quote;
    },
  );

  const paymentIdempotency = createIdempotencyHooks();
  app.post<{
    Params: { id: string };
    Body: ReportPaymentBodyType;
    Reply: CheckoutSessionType;
  }>(
    '/v1/checkout/sessions/:id/payments',
    {
      schema: {
        summary: 'Report the transaction sent for a session',
        description:
          'For a faster answer than the chain watcher: the provider checks the transaction ' +
          'on a quorum of its RPC endpoints exactly as the watcher would (a quote reference of ' +
          'this session, the quoted chain, token and recipient), lets the watcher record it, and ' +
          'answers 202 with the session (`payments` shows it once recorded). ' +
          '`transaction_not_found` (404): not mined yet, retry. A transaction pays one session ' +
          "only: another session's gets 409 `payment_already_used`.",
        tags: ['checkout'],
        security: anyKeySecurity,
        headers: IdempotencyHeaders,
        params: SessionIdParams,
        querystring: PublishableKeyQuery,
        body: ReportPaymentBody,
        response: { 202: CheckoutSession, ...errors },
      },
      onRequest: anyKey,
      preHandler: paymentIdempotency.preHandler,
      onSend: paymentIdempotency.onSend,
    },
    async (request, reply) => {
      const merchant = requireMerchant(request);
      const session = await readOwnSession(app, request.params.id, merchant);
      await reportPayment({
        db: app.db,
        session,
        chainId: request.body.chain_id,
        txHash: request.body.tx_hash as Hex,
        chains,
        waitMs: reportPaymentWaitMs,
        log: request.log,
      });
      const current = await readOwnSession(app, session.id, merchant);
      void reply.code(202);
      return respondWithSession(app, current, merchant);
    },
  );

  return Promise.resolve();
}

async function respondWithSession(
  app: FastifyInstance,
  session: CheckoutSessionRecord,
  merchant: AuthenticatedMerchant,
): Promise<CheckoutSessionType> {
  const payments = await listSessionPayments({ db: app.db, sessionIds: [session.id] });
  return toCheckoutSessionResponse({
    session,
    payments: payments.get(session.id) ?? [],
    rates: app.rates,
    includeMetadata: merchant.keyKind === 'secret',
  });
}

function requireMerchant(request: FastifyRequest): AuthenticatedMerchant {
  if (request.merchant === null) throw new Error('route registered without authenticateMerchant');
  return request.merchant;
}

async function readOwnSession(app: FastifyInstance, id: string, merchant: AuthenticatedMerchant) {
  const session = await readCheckoutSession({
    db: app.db,
    id,
    merchantId: merchant.id,
    now: app.now(),
  });
  if (session === undefined) {
    throw new ApiError({ code: 'not_found', message: 'No such checkout session.', param: 'id' });
  }
  return session;
}

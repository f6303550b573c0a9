import type { FastifyInstance } from 'fastify';
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
import { merchantRoute } from '../http/merchantRoute.ts';
import type { AuthenticatedMerchant } from '../merchants/findMerchantByKey.ts';
import type { CheckoutSessionRecord } from './CheckoutSessionRecord.ts';
import { createQuoteLocker } from './createQuoteLocker.ts';
import { createSessionReadCache } from './createSessionReadCache.ts';
import { createSessionResponseMemo } from './createSessionResponseMemo.ts';
import { CheckoutSessionNotFoundError } from './errors.ts';
import { insertCheckoutSession } from './insertCheckoutSession.ts';
import { listSessionPayments } from './listSessionPayments.ts';
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
  // Only the GET below reads from it: what changes state reads the database.
  const sessionReads = createSessionReadCache({ db: app.db });
  const sessionResponses = createSessionResponseMemo({ rates: app.rates });
  app.addHook('onClose', async () => {
    await sessionReads.close();
  });

  const create = merchantRoute({ accepts: ['secret'], isIdempotent: true });
  app.post<{ Body: CreateCheckoutSessionBodyType; Reply: CheckoutSessionType }>(
    '/v1/checkout/sessions',
    {
      schema: {
        summary: 'Create a checkout session',
        tags: ['checkout'],
        ...create.schema,
        body: CreateCheckoutSessionBody,
        response: { 200: CheckoutSession, ...errors },
      },
      ...create.hooks,
    },
    async (request) => {
      const merchant = create.merchantOf(request);
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

  const read = merchantRoute({ accepts: ['secret', 'publishable'] });
  app.get<{ Params: { id: string }; Reply: CheckoutSessionType }>(
    '/v1/checkout/sessions/:id',
    {
      schema: {
        summary: 'Read a checkout session and its payment options',
        tags: ['checkout'],
        ...read.schema,
        params: SessionIdParams,
        response: { 200: CheckoutSession, ...errors },
      },
      ...read.hooks,
    },
    async (request) => {
      const merchant = read.merchantOf(request);
      const now = app.now();
      const found = await sessionReads.read({
        id: request.params.id,
        merchantId: merchant.id,
        now,
      });
      if (found === undefined) throw new CheckoutSessionNotFoundError();
      return sessionResponses.respond({
        found,
        includeMetadata: merchant.keyKind === 'secret',
        now,
      });
    },
  );

  const quoteLocker = createQuoteLocker({
    db: app.db,
    rates: app.rates,
    signingKey: () => app.signingKey(),
    ttlSeconds: quoteTtlSeconds,
  });
  const lock = merchantRoute({ accepts: ['secret', 'publishable'], isIdempotent: true });
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
        ...lock.schema,
        params: SessionIdParams,
        body: LockQuoteBody,
        response: { 200: CheckoutQuote, ...errors },
      },
      ...lock.hooks,
    },
    async (request) => {
      const merchant = lock.merchantOf(request);
      const quote = await quoteLocker.lock({
        sessionId: request.params.id,
        merchantId: merchant.id,
        chainId: request.body.chain_id,
        asset: request.body.asset,
        now: app.now(),
      });
      app.metrics.quotesLocked.inc();
      return quote;
    },
  );

  const report = merchantRoute({ accepts: ['secret', 'publishable'], isIdempotent: true });
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
        ...report.schema,
        params: SessionIdParams,
        body: ReportPaymentBody,
        response: { 202: CheckoutSession, ...errors },
      },
      ...report.hooks,
    },
    async (request, reply) => {
      const merchant = report.merchantOf(request);
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

async function readOwnSession(app: FastifyInstance, id: string, merchant: AuthenticatedMerchant) {
  const session = await readCheckoutSession({
    db: app.db,
    id,
    merchantId: merchant.id,
    now: app.now(),
  });
  if (session === undefined) throw new CheckoutSessionNotFoundError();
  return session;
}

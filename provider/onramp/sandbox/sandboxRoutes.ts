import { readFile } from 'node:fs/promises';
import { findChainAsset } from '../../../shared/chains/findChainAsset.ts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../../db/Database.ts';
import { applyOrderEvent } from '../applyOrderEvent.ts';
import type { OnrampOrderRecord } from '../OnrampRecords.ts';
import { readOnrampOrder } from '../readOnrampOrder.ts';
import type { OnrampAdapterInfo } from '../toOnrampPriceFields.ts';
import type { OrderEvent } from '../transitionOrder.ts';
import { readSandboxCard } from './readSandboxCard.ts';
import {
  renderSandboxPage,
  sandboxChallengeAttempts,
  sandboxChallengeCode,
} from './renderSandboxPage.ts';
import type { SandboxAdapter, SandboxState } from './SandboxAdapter.ts';
import { readSandboxState } from './readSandboxState.ts';

export type SandboxRoutesOptions = {
  adapter: SandboxAdapter;
  describeAdapter: (adapterId: string) => OnrampAdapterInfo;
};

/*
 * The page is the only thing a shopper's browser loads from here: no inline script or style (the
 * CSP allows only this origin's own files), no cookies, nothing cached, and forms post back only
 * to this origin. It may be framed anywhere (`frame-ancestors *`) because the widget can show it
 * in an iframe; it moves test tokens only, so there is nothing a clickjacker could take.
 */
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
    "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors *",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

const OrderIdParams = Type.Object({ orderId: Type.String({ pattern: '^[A-Za-z0-9_]{1,100}$' }) });
const assets = {
  'sandbox.js': 'text/javascript; charset=utf-8',
  'sandbox.css': 'text/css; charset=utf-8',
} as const;

/**
 * The sandbox on-ramp's hosted page (`GET /onramp/sandbox/{orderId}`), its forms (card, then the
 * challenge for the 3-D Secure test card) and a small status read for its script. A successful
 * payment moves the order to `pending` and sends the tokens in the background; the order is
 * `completed` with the transaction hash once the receipt is in, or `failed` if sending fails.
 */
export async function sandboxRoutes(
  app: FastifyInstance,
  { adapter, describeAdapter }: SandboxRoutesOptions,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...inFlight]);
  });
  // Scoped to this plugin: the forms post URL-encoded, nothing else in the API accepts it.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  const files = Object.fromEntries(
    await Promise.all(
      Object.keys(assets).map(
        async (name) =>
          [name, await readFile(new URL(`./public/${name}`, import.meta.url), 'utf8')] as const,
      ),
    ),
  );
  for (const [name, contentType] of Object.entries(assets)) {
    app.get(`/onramp/sandbox/assets/${name}`, { schema: { hide: true } }, (_request, reply) =>
      reply
        .header('content-type', contentType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-cache')
        .send(files[name]),
    );
  }

  const read = (orderId: string) =>
    readOnrampOrder({ db: app.db, id: orderId, merchantId: null, now: app.now(), describeAdapter })
      // Another adapter's order has no sandbox page.
      .then((order) => (order?.adapter === adapter.id ? order : undefined));

  const sendPage = (reply: FastifyReply, status: number, html: string) =>
    reply.code(status).headers(pageHeaders).send(html);
  const backToPage = (reply: FastifyReply, orderId: string) =>
    reply
      .code(303)
      .header('location', `/onramp/sandbox/${orderId}`)
      .header('cache-control', 'no-store')
      .send();

  app.get<{ Params: { orderId: string } }>(
    '/onramp/sandbox/:orderId',
    { schema: { hide: true, params: OrderIdParams } },
    async (request, reply) => {
      const order = await read(request.params.orderId);
      return sendPage(reply, order === undefined ? 404 : 200, renderSandboxPage({ order }));
    },
  );

  app.get<{ Params: { orderId: string } }>(
    '/onramp/sandbox/:orderId/status',
    { schema: { hide: true, params: OrderIdParams } },
    async (request, reply) => {
      const order = await read(request.params.orderId);
      if (order === undefined) return reply.code(404).send({ status: null, step: null });
      return reply
        .header('cache-control', 'no-store')
        .send({ status: order.status, step: readSandboxState(order.adapterState).step });
    },
  );

  const change = (
    order: OnrampOrderRecord,
    event: OrderEvent,
    state: SandboxState,
    precondition: (current: OnrampOrderRecord) => boolean,
  ) =>
    applyOrderEvent({
      db: app.db,
      orderId: order.id,
      event,
      now: app.now(),
      describeAdapter,
      adapterState: state,
      precondition,
    });

  const fund = (order: OnrampOrderRecord, cardLast4: string | undefined) => {
    const job = fundOrder({
      db: app.db,
      adapter,
      order,
      cardLast4,
      now: app.now,
      describeAdapter,
    }).catch((error: unknown) => {
      app.log.error(
        { err: error, orderId: order.id },
        'sandbox funding could not record its outcome',
      );
    });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  };

  app.post<{ Params: { orderId: string }; Body: Record<string, unknown> | undefined }>(
    '/onramp/sandbox/:orderId/card',
    { schema: { hide: true, params: OrderIdParams } },
    async (request, reply) => {
      const order = await read(request.params.orderId);
      if (order === undefined) return sendPage(reply, 404, renderSandboxPage({ order }));
      const isAtCard = (current: OnrampOrderRecord) =>
        current.status === 'created' && readSandboxState(current.adapterState).step === 'card';
      if (!isAtCard(order)) return backToPage(reply, order.id);
      const card = readSandboxCard({ form: request.body ?? {}, now: app.now() });
      if (!card.isValid) {
        return sendPage(
          reply,
          422,
          renderSandboxPage({ order, errors: card.errors, keep: card.keep }),
        );
      }
      const cardLast4 = card.last4;
      switch (card.behaviour) {
        case 'succeeds': {
          const result = await change(
            order,
            { type: 'start' },
            { step: 'funding', attempts: 0, cardLast4 },
            isAtCard,
          );
          if (result.outcome === 'changed') fund(result.order, cardLast4);
          break;
        }
        case 'challenge':
          await change(
            order,
            { type: 'start' },
            { step: 'challenge', attempts: 0, cardLast4 },
            isAtCard,
          );
          break;
        case 'declined':
          await change(
            order,
            { type: 'fail', code: 'card_declined', message: 'The card was declined.' },
            { step: 'done', attempts: 0, cardLast4 },
            isAtCard,
          );
          break;
        case 'insufficient_funds':
          await change(
            order,
            {
              type: 'fail',
              code: 'insufficient_funds',
              message: 'The card was declined: insufficient funds.',
            },
            { step: 'done', attempts: 0, cardLast4 },
            isAtCard,
          );
          break;
      }
      return backToPage(reply, order.id);
    },
  );

  app.post<{ Params: { orderId: string }; Body: Record<string, unknown> | undefined }>(
    '/onramp/sandbox/:orderId/challenge',
    { schema: { hide: true, params: OrderIdParams } },
    async (request, reply) => {
      const order = await read(request.params.orderId);
      if (order === undefined) return sendPage(reply, 404, renderSandboxPage({ order }));
      const state = readSandboxState(order.adapterState);
      const isAtChallenge = (current: OnrampOrderRecord) => {
        const currentState = readSandboxState(current.adapterState);
        return (
          current.status === 'pending' &&
          currentState.step === 'challenge' &&
          currentState.attempts === state.attempts
        );
      };
      if (!isAtChallenge(order)) return backToPage(reply, order.id);
      const body = request.body ?? {};
      const code = typeof body.code === 'string' ? body.code.trim() : '';
      if (!/^\d{6}$/.test(code)) {
        return sendPage(
          reply,
          422,
          renderSandboxPage({
            order,
            errors: [{ field: 'code', message: 'Enter the 6-digit code.' }],
          }),
        );
      }
      const base = { cardLast4: state.cardLast4 };
      if (code === sandboxChallengeCode) {
        const result = await change(
          order,
          { type: 'start' },
          { ...base, step: 'funding', attempts: state.attempts },
          isAtChallenge,
        );
        if (result.outcome === 'unchanged') fund(result.order, state.cardLast4);
      } else if (state.attempts + 1 >= sandboxChallengeAttempts) {
        await change(
          order,
          {
            type: 'fail',
            code: 'authentication_failed',
            message: 'The bank could not confirm the payment (wrong code).',
          },
          { ...base, step: 'done', attempts: state.attempts + 1 },
          isAtChallenge,
        );
      } else {
        await change(
          order,
          { type: 'start' },
          { ...base, step: 'challenge', attempts: state.attempts + 1 },
          isAtChallenge,
        );
      }
      return backToPage(reply, order.id);
    },
  );
}

/** Sends the tokens and records the outcome: `completed` with the hash, or `failed`. */
async function fundOrder({
  db,
  adapter,
  order,
  cardLast4,
  now,
  describeAdapter,
}: {
  db: Database;
  adapter: SandboxAdapter;
  order: OnrampOrderRecord;
  cardLast4: string | undefined;
  now: () => Date;
  describeAdapter: (adapterId: string) => OnrampAdapterInfo;
}): Promise<void> {
  const state = { step: 'done', attempts: 0, ...(cardLast4 === undefined ? {} : { cardLast4 }) };
  let event: OrderEvent;
  try {
    const asset = findChainAsset({ chainId: order.quote.chainId, symbol: order.quote.asset });
    if (asset === undefined) throw new Error(`${order.quote.asset} is no longer a known asset`);
    const { txHash } = await adapter.funder.send({
      asset,
      to: order.quote.walletAddress,
      amount: order.quote.cryptoAmount,
    });
    event = { type: 'complete', txHash };
  } catch (error) {
    event = {
      type: 'fail',
      code: 'delivery_failed',
      message:
        error instanceof Error && 'shortMessage' in error && typeof error.shortMessage === 'string'
          ? error.shortMessage
          : 'The sandbox could not send the tokens.',
    };
  }
  await applyOrderEvent({
    db,
    orderId: order.id,
    event,
    now: now(),
    describeAdapter,
    adapterState: state,
  });
}

import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '../http/ErrorResponse.ts';
import { ApiError } from '../http/errors.ts';
import { applyOrderEvent } from './applyOrderEvent.ts';
import { normalizeAddress } from './compliance/normalizeAddress.ts';
import { MalformedOnrampWebhookError, OnrampWebhookSignatureError } from './errors.ts';
import type { OnrampAdapter, OnrampWebhookUpdate } from './OnrampAdapter.ts';
import type { OnrampAdapterInfo } from './toOnrampPriceFields.ts';
import type { OrderEvent } from './transitionOrder.ts';

export type OnrampWebhookRoutesOptions = {
  adapters: readonly OnrampAdapter[];
  describeAdapter: (adapterId: string) => OnrampAdapterInfo;
};

const Received = Type.Object(
  {
    received: Type.Literal(true),
    outcome: Type.Union(
      ['changed', 'unchanged', 'refused', 'ignored', 'unknown_order'].map((outcome) =>
        Type.Literal(outcome),
      ),
      {
        description:
          '`changed`: the order moved on; `unchanged`: same state; `refused`: too late for the ' +
          'order (final already); `ignored`: nothing for us; `unknown_order`: not one of ours.',
      },
    ),
  },
  { title: 'OnrampWebhookReceived' },
);

/*
 * Trusted: each adapter's verification of its own signatures. Not trusted: the request. The body
 * is kept as received (signatures are over the bytes) and parsed only once authenticated. An
 * authenticated event we cannot use still gets a 2xx, or the on-ramp would retry it for days;
 * only a bad signature (401) or a body the on-ramp would never send (400) are refused.
 */

/** `POST /v1/onramp/webhooks/{adapter}`: where the operator points each real on-ramp's webhooks. */
export function onrampWebhookRoutes(
  app: FastifyInstance,
  { adapters, describeAdapter }: OnrampWebhookRoutesOptions,
): Promise<void> {
  // Scoped to this plugin: here JSON bodies stay strings until a signature says they are genuine.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });

  app.post<{ Params: { adapter: string }; Body: string }>(
    '/v1/onramp/webhooks/:adapter',
    {
      schema: {
        summary: "Receive an on-ramp's webhook",
        description:
          'For the on-ramps themselves (MoonPay: `Moonpay-Signature-V2`; Transak: a JWT in ' +
          '`data`), never for shops. Configure `<provider>/v1/onramp/webhooks/<adapter id>` in ' +
          "the on-ramp's dashboard.",
        tags: ['onramp'],
        params: Type.Object({ adapter: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,31}$' }) }),
        response: { 200: Received, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const adapter = adapters.find(({ id }) => id === request.params.adapter);
      const webhooks = adapter?.webhooks;
      if (adapter === undefined || webhooks === undefined) {
        throw new ApiError({
          code: 'not_found',
          message: `No on-ramp ${request.params.adapter} sends webhooks here.`,
          param: 'adapter',
        });
      }
      const rawBody = typeof request.body === 'string' ? request.body : '';
      let update: OnrampWebhookUpdate;
      try {
        const payload = await webhooks.verify({
          headers: request.headers,
          rawBody,
          now: app.now(),
        });
        update = webhooks.parse(payload);
      } catch (error) {
        if (error instanceof OnrampWebhookSignatureError) {
          throw new ApiError({
            code: 'onramp_webhook_signature_invalid',
            message: error.shortMessage,
            cause: error,
          });
        }
        if (error instanceof MalformedOnrampWebhookError) {
          throw new ApiError({
            code: 'invalid_request',
            message: error.shortMessage,
            cause: error,
          });
        }
        throw error;
      }
      if (update.kind === 'ignored') {
        request.log.info({ adapter: adapter.id, reason: update.reason }, 'on-ramp webhook ignored');
        return { received: true as const, outcome: 'ignored' as const };
      }

      const orderId = await findOrderId(app, adapter.id, update);
      if (orderId === undefined) {
        request.log.warn(
          { adapter: adapter.id, adapterOrderId: update.adapterOrderId },
          'on-ramp webhook for an order we do not know',
        );
        return { received: true as const, outcome: 'unknown_order' as const };
      }
      const event = await checkWallet(app, orderId, update);
      const result = await applyOrderEvent({
        db: app.db,
        orderId,
        event,
        now: app.now(),
        describeAdapter,
        adapterOrderId: update.adapterOrderId,
      });
      if (result.outcome === 'not_found')
        return { received: true as const, outcome: 'unknown_order' as const };
      if (result.outcome === 'skipped')
        return { received: true as const, outcome: 'unchanged' as const };
      return { received: true as const, outcome: result.outcome };
    },
  );
  return Promise.resolve();
}

/** Ours by the id the on-ramp echoes, else by the on-ramp's own id seen before. */
async function findOrderId(
  app: FastifyInstance,
  adapterId: string,
  update: Extract<OnrampWebhookUpdate, { kind: 'order' }>,
): Promise<string | undefined> {
  const { rows } = await app.db.query<{ id: string }>(
    `select id from onramp_orders
     where adapter = $1 and (id = $2 or adapter_order_id = $3)
     order by (id = $2) desc
     limit 1`,
    [adapterId, update.orderId ?? '', update.adapterOrderId],
  );
  return rows[0]?.id;
}

/**
 * The on-ramp must deliver to the address the order names. Sent elsewhere (the shopper changed it
 * on the on-ramp's page), the order fails rather than wait for funds that will never arrive.
 */
async function checkWallet(
  app: FastifyInstance,
  orderId: string,
  update: Extract<OnrampWebhookUpdate, { kind: 'order' }>,
): Promise<OrderEvent> {
  if (update.walletAddress === null) return update.event;
  const { rows } = await app.db.query<{ wallet_address: string }>(
    `select q.wallet_address from onramp_orders o join onramp_quotes q on q.id = o.quote_id
     where o.id = $1`,
    [orderId],
  );
  const expected = rows[0]?.wallet_address;
  if (expected === undefined || normalizeAddress(update.walletAddress) === expected) {
    return update.event;
  }
  return {
    type: 'fail',
    code: 'wallet_mismatch',
    message: 'The on-ramp is delivering to another wallet address than the order named.',
  };
}

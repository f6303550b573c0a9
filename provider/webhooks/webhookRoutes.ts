import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointBody,
  DeletedWebhookEndpoint,
  WebhookEndpointList,
} from '../../shared/webhooks/WebhookEndpoint.ts';
import type {
  CreatedWebhookEndpoint as CreatedWebhookEndpointType,
  CreateWebhookEndpointBody as CreateWebhookEndpointBodyType,
  DeletedWebhookEndpoint as DeletedWebhookEndpointType,
  WebhookEndpointList as WebhookEndpointListType,
} from '../../shared/webhooks/WebhookEndpoint.ts';
import { WebhookEvent, WebhookEventList } from '../../shared/webhooks/WebhookEvent.ts';
import type {
  WebhookEvent as WebhookEventType,
  WebhookEventList as WebhookEventListType,
} from '../../shared/webhooks/WebhookEvent.ts';
import { ErrorResponse } from '../http/ErrorResponse.ts';
import { ApiError } from '../http/errors.ts';
import { merchantRoute } from '../http/merchantRoute.ts';
import { assertWebhookUrl } from './assertWebhookUrl.ts';
import { createWebhookDispatcher } from './createWebhookDispatcher.ts';
import { createWebhookEndpoint } from './createWebhookEndpoint.ts';
import type { WebhookFetch } from './deliverWebhook.ts';
import { disableWebhookEndpoint } from './disableWebhookEndpoint.ts';
import {
  InvalidWebhookUrlError,
  UnknownWebhookEventCursorError,
  WebhookEndpointLimitError,
} from './errors.ts';
import { findWebhookEvent } from './findWebhookEvent.ts';
import { listWebhookEndpoints } from './listWebhookEndpoints.ts';
import { listWebhookEvents } from './listWebhookEvents.ts';
import type { WebhookEndpointRecord } from './WebhookEndpointRecord.ts';

export type WebhookRoutesOptions = {
  /** Development only: accept `http://localhost`, `http://127.0.0.1` endpoints. Default false. */
  allowInsecureWebhookUrls?: boolean;
  /**
   * The delivery loop, started once the server listens (not for `inject()`), stopped on close.
   * `false`: none in this process (another process, or a test, delivers).
   */
  dispatcher?: false | { intervalMs?: number; batchSize?: number; fetch?: WebhookFetch };
};

const IdParams = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9_]{1,100}$' }),
});

const EventListQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.String({
        pattern: '^([1-9][0-9]?|100)$',
        description: 'How many events, 1 to 100 (default 10).',
      }),
    ),
    starting_after: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_]{1,100}$',
        description: 'The last event id of the previous page: returns older events.',
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
  429: ErrorResponse,
};

const defaultEventPageSize = 10;

/**
 * Webhooks, all with the secret key:
 * - `POST /v1/webhook_endpoints`: where to send which events; answers the signing secret, once.
 * - `GET /v1/webhook_endpoints`, `DELETE /v1/webhook_endpoints/{id}`.
 * - `GET /v1/events` (newest first, `limit` + `starting_after`) and `GET /v1/events/{id}`:
 *   every event, delivered or not, exactly as delivered.
 * A key only ever reaches its own merchant's endpoints and events; others answer 404.
 * Also runs the delivery loop (see `dispatcher`).
 */
export function webhookRoutes(
  app: FastifyInstance,
  { allowInsecureWebhookUrls = false, dispatcher = {} }: WebhookRoutesOptions,
): Promise<void> {
  const createRoute = merchantRoute({ accepts: ['secret'], isIdempotent: true });
  app.post<{ Body: CreateWebhookEndpointBodyType; Reply: CreatedWebhookEndpointType }>(
    '/v1/webhook_endpoints',
    {
      schema: {
        summary: 'Register a webhook endpoint',
        description:
          'Events are POSTed as JSON with `TP-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 ' +
          'of "t.body">` under the returned `secret`; verify with verifyWebhookSignature ' +
          '(shared/webhooks). Any 2xx acknowledges; anything else is retried with backoff for 3 days.',
        tags: ['webhooks'],
        ...createRoute.schema,
        body: CreateWebhookEndpointBody,
        response: { 200: CreatedWebhookEndpoint, ...errors },
      },
      ...createRoute.hooks,
    },
    async (request) => {
      const merchant = createRoute.merchantOf(request);
      const url = toApiError(
        () => assertWebhookUrl({ url: request.body.url, allowInsecureWebhookUrls }),
        'url',
      );
      try {
        const created = await createWebhookEndpoint(app.db, {
          merchantId: merchant.id,
          url,
          enabledEvents: request.body.enabled_events,
          now: app.now(),
        });
        return { ...toEndpointResponse(created), secret: created.secret };
      } catch (error) {
        if (error instanceof WebhookEndpointLimitError) {
          throw new ApiError({
            code: 'invalid_request',
            message: error.shortMessage,
            cause: error,
          });
        }
        throw error;
      }
    },
  );

  const listEndpointsRoute = merchantRoute({ accepts: ['secret'] });
  app.get<{ Reply: WebhookEndpointListType }>(
    '/v1/webhook_endpoints',
    {
      schema: {
        summary: 'List webhook endpoints',
        tags: ['webhooks'],
        ...listEndpointsRoute.schema,
        response: { 200: WebhookEndpointList, ...errors },
      },
      ...listEndpointsRoute.hooks,
    },
    async (request) => {
      const merchant = listEndpointsRoute.merchantOf(request);
      const endpoints = await listWebhookEndpoints(app.db, { merchantId: merchant.id });
      return {
        object: 'list' as const,
        data: endpoints.map(toEndpointResponse),
        has_more: false as const,
      };
    },
  );

  const deleteEndpointRoute = merchantRoute({ accepts: ['secret'] });
  app.delete<{ Params: { id: string }; Reply: DeletedWebhookEndpointType }>(
    '/v1/webhook_endpoints/:id',
    {
      schema: {
        summary: 'Delete a webhook endpoint',
        description: 'It receives no more events; deliveries still pending to it are given up.',
        tags: ['webhooks'],
        ...deleteEndpointRoute.schema,
        params: IdParams,
        response: { 200: DeletedWebhookEndpoint, ...errors },
      },
      ...deleteEndpointRoute.hooks,
    },
    async (request) => {
      const merchant = deleteEndpointRoute.merchantOf(request);
      const isDeleted = await disableWebhookEndpoint(app.db, {
        merchantId: merchant.id,
        endpointId: request.params.id,
        now: app.now(),
      });
      if (!isDeleted) {
        throw new ApiError({
          code: 'not_found',
          message: 'No such webhook endpoint.',
          param: 'id',
        });
      }
      return { id: request.params.id, object: 'webhook_endpoint' as const, deleted: true as const };
    },
  );

  const listEventsRoute = merchantRoute({ accepts: ['secret'] });
  app.get<{
    Querystring: { limit?: string; starting_after?: string };
    Reply: WebhookEventListType;
  }>(
    '/v1/events',
    {
      schema: {
        summary: 'List events',
        description: 'Newest first. Each is exactly the body that was (or will be) delivered.',
        tags: ['webhooks'],
        ...listEventsRoute.schema,
        querystring: EventListQuery,
        response: { 200: WebhookEventList, ...errors },
      },
      ...listEventsRoute.hooks,
    },
    async (request) => {
      const merchant = listEventsRoute.merchantOf(request);
      const { limit, starting_after: startingAfter } = request.query;
      try {
        const page = await listWebhookEvents(app.db, {
          merchantId: merchant.id,
          limit: limit === undefined ? defaultEventPageSize : Number(limit),
          startingAfter,
        });
        return { object: 'list' as const, data: page.events, has_more: page.hasMore };
      } catch (error) {
        if (error instanceof UnknownWebhookEventCursorError) {
          throw new ApiError({
            code: 'not_found',
            message: 'No such event to page after.',
            param: 'starting_after',
            cause: error,
          });
        }
        throw error;
      }
    },
  );

  const readEventRoute = merchantRoute({ accepts: ['secret'] });
  app.get<{ Params: { id: string }; Reply: WebhookEventType }>(
    '/v1/events/:id',
    {
      schema: {
        summary: 'Read an event',
        tags: ['webhooks'],
        ...readEventRoute.schema,
        params: IdParams,
        response: { 200: WebhookEvent, ...errors },
      },
      ...readEventRoute.hooks,
    },
    async (request) => {
      const merchant = readEventRoute.merchantOf(request);
      const event = await findWebhookEvent(app.db, {
        merchantId: merchant.id,
        eventId: request.params.id,
      });
      if (event === undefined) {
        throw new ApiError({ code: 'not_found', message: 'No such event.', param: 'id' });
      }
      return event;
    },
  );

  if (dispatcher !== false) {
    const { intervalMs = 1_000, batchSize, fetch } = dispatcher;
    const worker = createWebhookDispatcher({
      db: app.db,
      now: app.now,
      ...(batchSize === undefined ? {} : { batchSize }),
      ...(fetch === undefined ? {} : { fetch }),
      onError: (error) => {
        app.log.error({ err: error }, 'webhook delivery round failed');
      },
      onOutcome: (outcome) => {
        app.metrics.webhookDeliveries.inc({ outcome });
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

function toApiError<Result>(run: () => Result, param: string): Result {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidWebhookUrlError) {
      throw new ApiError({
        code: 'invalid_request',
        message: error.shortMessage,
        param,
        cause: error,
      });
    }
    throw error;
  }
}

function toEndpointResponse(endpoint: WebhookEndpointRecord) {
  return {
    id: endpoint.id,
    object: 'webhook_endpoint' as const,
    url: endpoint.url,
    enabled_events: endpoint.enabledEvents,
    created_at: endpoint.createdAt.toISOString(),
  };
}

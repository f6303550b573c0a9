import type { FastifyInstance } from 'fastify';
import {
  CreateOnrampOrderBody,
  OnrampOrder,
  OnrampOrderIdParams,
} from '../../shared/providerApi/OnrampOrder.ts';
import type {
  CreateOnrampOrderBody as CreateOnrampOrderBodyType,
  OnrampOrder as OnrampOrderType,
} from '../../shared/providerApi/OnrampOrder.ts';
import { CreateOnrampQuoteBody, OnrampQuote } from '../../shared/providerApi/OnrampQuote.ts';
import type {
  CreateOnrampQuoteBody as CreateOnrampQuoteBodyType,
  OnrampQuote as OnrampQuoteType,
} from '../../shared/providerApi/OnrampQuote.ts';
import { ErrorResponse } from '../http/ErrorResponse.ts';
import { ApiError } from '../http/errors.ts';
import { merchantRoute } from '../http/merchantRoute.ts';
import { createOnrampOrder } from './createOnrampOrder.ts';
import { createOnrampQuote } from './createOnrampQuote.ts';
import { describeOnrampAdapter } from './describeOnrampAdapter.ts';
import { onrampWebhookRoutes } from './onrampWebhookRoutes.ts';
import { defaultOnrampOrderTtlSeconds, defaultOnrampQuoteTtlSeconds } from './OnrampSettings.ts';
import type { OnrampSettings } from './OnrampSettings.ts';
import { readOnrampOrder } from './readOnrampOrder.ts';
import { isSandboxAdapter } from './sandbox/SandboxAdapter.ts';
import { sandboxRoutes } from './sandbox/sandboxRoutes.ts';
import { toOnrampOrderResponse } from './toOnrampOrderResponse.ts';
import { toOnrampQuoteResponse } from './toOnrampQuoteResponse.ts';

export type OnrampRoutesOptions = OnrampSettings;

/** Routes a page calls from the merchant's site (CORS, see buildServer). */
export const onrampCrossOriginRoutes = [
  '/v1/onramp/quotes',
  '/v1/onramp/orders',
  '/v1/onramp/orders/:id',
] as const;

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
 * The on-ramp (provider/onramp/README.md):
 * - `POST /v1/onramp/quotes`: fiat ↔ crypto for an asset on a chain, fees apart;
 * - `POST /v1/onramp/orders`: an order from a quote, after the compliance rules;
 * - `GET /v1/onramp/orders/{id}`: the order, for the widget to follow;
 * - `POST /v1/onramp/webhooks/{adapter}`: real on-ramps' signed webhooks;
 * - `/onramp/sandbox/…`: the sandbox's hosted card page, when the sandbox is configured.
 * Publishable or secret key; a key only ever reaches its own merchant's quotes and orders.
 */
export async function onrampRoutes(
  app: FastifyInstance,
  settings: OnrampRoutesOptions,
): Promise<void> {
  const {
    adapters,
    compliance,
    quoteTtlSeconds = defaultOnrampQuoteTtlSeconds,
    orderTtlSeconds = defaultOnrampOrderTtlSeconds,
    publicUrl,
  } = settings;
  const describeAdapter = describeOnrampAdapter(adapters);

  const quoteRoute = merchantRoute({ accepts: ['secret', 'publishable'], isIdempotent: true });
  app.post<{ Body: CreateOnrampQuoteBodyType; Reply: OnrampQuoteType }>(
    '/v1/onramp/quotes',
    {
      schema: {
        summary: 'Quote an on-ramp purchase',
        description:
          'Fiat → crypto for one asset on one chain: give what the shopper pays ' +
          '(`fiat_amount_minor`, fees included) or what must arrive (`crypto_amount`). The ' +
          "adapter's fee and the network fee are shown apart. For real on-ramps the fees are " +
          "the operator's estimate: their own page shows the final price.",
        tags: ['onramp'],
        ...quoteRoute.schema,
        body: CreateOnrampQuoteBody,
        response: { 200: OnrampQuote, ...errors },
      },
      ...quoteRoute.hooks,
    },
    async (request) => {
      const merchant = quoteRoute.merchantOf(request);
      const quote = await createOnrampQuote({
        db: app.db,
        merchantId: merchant.id,
        body: request.body,
        adapters,
        rates: app.rates,
        now: app.now(),
        ttlSeconds: quoteTtlSeconds,
      });
      return toOnrampQuoteResponse(quote, describeAdapter(quote.adapter));
    },
  );

  const orderRoute = merchantRoute({ accepts: ['secret', 'publishable'], isIdempotent: true });
  app.post<{ Body: CreateOnrampOrderBodyType; Reply: OnrampOrderType }>(
    '/v1/onramp/orders',
    {
      schema: {
        summary: 'Create an on-ramp order from a quote',
        description:
          "The operator's compliance rules run first; a refusal is a 403 whose code names the " +
          'rule (`onramp_address_denied`, `onramp_country_not_served`, ' +
          '`onramp_amount_below_minimum`, `onramp_amount_above_maximum`, ' +
          '`onramp_currency_not_supported`, `onramp_verification_required`) and whose message ' +
          'says why. The order starts `created`, with `hosted_url`: open it (popup, or iframe ' +
          'where `embedding` allows) and follow the order with GET.',
        tags: ['onramp'],
        ...orderRoute.schema,
        body: CreateOnrampOrderBody,
        response: { 200: OnrampOrder, ...errors },
      },
      ...orderRoute.hooks,
    },
    async (request) => {
      const merchant = orderRoute.merchantOf(request);
      const order = await createOnrampOrder({
        db: app.db,
        merchantId: merchant.id,
        body: request.body,
        adapters,
        compliance,
        now: app.now(),
        ttlSeconds: orderTtlSeconds,
        providerUrl: publicUrl ?? `${request.protocol}://${request.host}`,
        describeAdapter,
        onAdapterError: (error) => {
          request.log.error({ err: error }, 'on-ramp adapter could not create the order');
        },
      });
      return toOnrampOrderResponse(order, describeAdapter(order.adapter));
    },
  );

  const readOrderRoute = merchantRoute({ accepts: ['secret', 'publishable'] });
  app.get<{ Params: { id: string }; Reply: OnrampOrderType }>(
    '/v1/onramp/orders/:id',
    {
      schema: {
        summary: 'Read an on-ramp order',
        tags: ['onramp'],
        ...readOrderRoute.schema,
        params: OnrampOrderIdParams,
        response: { 200: OnrampOrder, ...errors },
      },
      ...readOrderRoute.hooks,
    },
    async (request) => {
      const merchant = readOrderRoute.merchantOf(request);
      const order = await readOnrampOrder({
        db: app.db,
        id: request.params.id,
        merchantId: merchant.id,
        now: app.now(),
        describeAdapter,
      });
      if (order === undefined) {
        throw new ApiError({ code: 'not_found', message: 'No such on-ramp order.', param: 'id' });
      }
      return toOnrampOrderResponse(order, describeAdapter(order.adapter));
    },
  );

  await app.register(onrampWebhookRoutes, { adapters, describeAdapter });
  for (const adapter of adapters) {
    if (isSandboxAdapter(adapter)) await app.register(sandboxRoutes, { adapter, describeAdapter });
  }
}

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Timestamp } from '../providerApi/wireTypes.ts';
import { webhookEventTypes } from './webhookEventTypes.ts';

/** Limits of an endpoint's inputs; the schemas below and the docs say the same. */
export const webhookEndpointLimits = {
  maxUrlLength: 2048,
  maxEnabledEvents: 32,
  maxEndpointsPerMerchant: 16,
} as const;

const EnabledEvents = Type.Array(
  Type.Unsafe<string>({ type: 'string', enum: [...webhookEventTypes, '*'] }),
  {
    minItems: 1,
    maxItems: webhookEndpointLimits.maxEnabledEvents,
    uniqueItems: true,
    description: 'The event types to send here, or `["*"]` for all (new types included).',
    examples: [['checkout.session.settled', 'checkout.session.expired']],
  },
);

export const CreateWebhookEndpointBody = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: webhookEndpointLimits.maxUrlLength,
      description:
        'Where to POST events: https to a public host. Plain http to localhost / 127.0.0.1 ' +
        'only on a provider in development mode.',
      examples: ['https://shop.example.com/webhooks/tp'],
    }),
    enabled_events: EnabledEvents,
  },
  { additionalProperties: false, title: 'CreateWebhookEndpointBody' },
);

export type CreateWebhookEndpointBody = Static<typeof CreateWebhookEndpointBody>;

const endpointFields = {
  id: Type.String({
    pattern: '^we_[0-9a-f]{32}$',
    examples: ['we_eccbc87e4b5ce2fe28308fd9f2a7baf3'],
  }),
  object: Type.Literal('webhook_endpoint'),
  url: Type.String(),
  enabled_events: Type.Array(Type.String()),
  created_at: Timestamp,
};

export const WebhookEndpoint = Type.Object(endpointFields, { title: 'WebhookEndpoint' });

export type WebhookEndpoint = Static<typeof WebhookEndpoint>;

export const CreatedWebhookEndpoint = Type.Object(
  {
    ...endpointFields,
    secret: Type.String({
      pattern: '^whsec_[A-Za-z0-9_-]{43}$',
      description:
        'The signing secret (`whsec_…`) for verifyWebhookSignature. Shown only in this response: ' +
        'store it now.',
    }),
  },
  { title: 'CreatedWebhookEndpoint' },
);

export type CreatedWebhookEndpoint = Static<typeof CreatedWebhookEndpoint>;

export const WebhookEndpointList = Type.Object(
  {
    object: Type.Literal('list'),
    data: Type.Array(WebhookEndpoint, { description: 'Oldest first; secrets are never listed.' }),
    has_more: Type.Literal(false, {
      description: `Always false: a merchant has at most ${webhookEndpointLimits.maxEndpointsPerMerchant} endpoints.`,
    }),
  },
  { title: 'WebhookEndpointList' },
);

export type WebhookEndpointList = Static<typeof WebhookEndpointList>;

export const DeletedWebhookEndpoint = Type.Object(
  {
    id: Type.String(),
    object: Type.Literal('webhook_endpoint'),
    deleted: Type.Literal(true),
  },
  { title: 'DeletedWebhookEndpoint' },
);

export type DeletedWebhookEndpoint = Static<typeof DeletedWebhookEndpoint>;

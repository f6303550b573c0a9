import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Timestamp } from '../providerApi/wireTypes.ts';
import { webhookEventTypes } from './webhookEventTypes.ts';

/**
 * An event: the JSON body of every webhook delivery, byte for byte what `GET /v1/events/{id}`
 * returns. `id` is unique per event and repeats when a delivery is retried: deliveries are at
 * least once, so merchants deduplicate on it.
 */
export const WebhookEvent = Type.Object(
  {
    id: Type.String({
      pattern: '^evt_[0-9a-f]{32}$',
      examples: ['evt_c81e728d9d4c2f636f067f89cc14862c'],
    }),
    object: Type.Literal('event'),
    type: Type.String({
      description:
        `What happened: ${webhookEventTypes.map((type) => `\`${type}\``).join(', ')}. New types ` +
        'may be added: ignore the ones you do not know.',
      examples: ['checkout.session.settled'],
    }),
    created_at: { ...Timestamp, description: 'When it happened (the state change), ISO 8601 UTC.' },
    data: Type.Unsafe<Record<string, unknown>>({
      type: 'object',
      additionalProperties: true,
      description: 'The object the event is about, as the API showed it then.',
    }),
  },
  { title: 'Event' },
);

export type WebhookEvent = Static<typeof WebhookEvent>;

export const WebhookEventList = Type.Object(
  {
    object: Type.Literal('list'),
    data: Type.Array(WebhookEvent, { description: 'Newest first.' }),
    has_more: Type.Boolean({
      description: 'More, older events exist: ask again with `starting_after` = the last id.',
    }),
  },
  { title: 'EventList' },
);

export type WebhookEventList = Static<typeof WebhookEventList>;

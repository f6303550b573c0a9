import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { TransactionHash } from './CheckoutPayment.ts';
import { onrampPriceFields } from './OnrampQuote.ts';
import { Timestamp } from './wireTypes.ts';

export const onrampOrderStatuses = [
  'created',
  'pending',
  'completed',
  'failed',
  'expired',
] as const;

export const OnrampOrderStatus = Type.Union(
  onrampOrderStatuses.map((status) => Type.Literal(status)),
  {
    description:
      '`created`: waiting for the shopper on the hosted page; `pending`: paid or being paid, the ' +
      'crypto is on its way; `completed`: the crypto was sent (`tx_hash`); `failed`: refused by ' +
      'the on-ramp (`failure` says why); `expired`: nothing happened before `expires_at`.',
  },
);

export const OnrampFailure = Type.Object(
  {
    code: Type.String({
      description:
        'Stable: `card_declined`, `insufficient_funds`, `authentication_failed`, ' +
        "`delivery_failed`, or the on-ramp's own code.",
      examples: ['card_declined'],
    }),
    message: Type.String({ description: 'One sentence for people.' }),
  },
  { title: 'OnrampFailure' },
);

export const onrampOrderLimits = { maxRedirectUrlLength: 2048 } as const;

export const CreateOnrampOrderBody = Type.Object(
  {
    quote_id: Type.String({
      pattern: '^orq_[0-9a-f]{32}$',
      description: 'A quote of this merchant that has not expired and has no order yet.',
    }),
    redirect_url: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: onrampOrderLimits.maxRedirectUrlLength,
        description:
          "Where the on-ramp's page sends the shopper when done: https, or http on localhost / " +
          '127.0.0.1.',
      }),
    ),
  },
  { additionalProperties: false, title: 'CreateOnrampOrderBody' },
);

export const OnrampOrder = Type.Object(
  {
    id: Type.String({ examples: ['oro_d3d9446802a44259755d38e6d163e820'] }),
    object: Type.Literal('onramp.order'),
    status: OnrampOrderStatus,
    quote_id: Type.String(),
    ...onrampPriceFields,
    hosted_url: Type.String({
      description: "The on-ramp's page where the shopper pays (signed where the on-ramp wants it).",
    }),
    redirect_url: Type.Union([Type.String(), Type.Null()]),
    tx_hash: Type.Union([TransactionHash, Type.Null()], {
      description: 'The transaction that sent the crypto, once completed.',
    }),
    failure: Type.Union([OnrampFailure, Type.Null()]),
    expires_at: {
      ...Timestamp,
      description: 'A `created` order expires then, if the shopper has not started paying.',
    },
    created_at: Timestamp,
    updated_at: Timestamp,
    completed_at: Type.Union([Timestamp, Type.Null()]),
  },
  { title: 'OnrampOrder' },
);

export const OnrampOrderIdParams = Type.Object({
  id: Type.String({
    pattern: '^[A-Za-z0-9_]{1,100}$',
    description: 'The order id (`oro_…`).',
  }),
});

export type OnrampOrderStatus = Static<typeof OnrampOrderStatus>;
export type OnrampFailure = Static<typeof OnrampFailure>;
export type CreateOnrampOrderBody = Static<typeof CreateOnrampOrderBody>;
export type OnrampOrder = Static<typeof OnrampOrder>;

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { CheckoutQuote } from './CheckoutQuote.ts';
import { CreateCheckoutSessionBody, SessionStatus } from './CheckoutSession.ts';
import { BillingIntervalUnit, Plan } from './Plan.ts';
import { Address, AssetSymbol, ChainId, Timestamp, UnsignedIntegerString } from './wireTypes.ts';

export const subscriptionStatuses = [
  'trialing',
  'active',
  'past_due',
  'canceled',
  'ended',
] as const;

export const SubscriptionStatus = Type.Union(
  subscriptionStatuses.map((status) => Type.Literal(status)),
  {
    description:
      '`trialing`: in the free trial; `active`: paid up; `past_due`: a renewal was not paid ' +
      'within the grace period (canceled when that period ends unless it is paid); `canceled`: ' +
      'stopped by the merchant, the subscriber or non-payment; `ended`: every cycle is paid.',
  },
);

export const cancellationReasons = ['merchant', 'subscriber', 'unpaid'] as const;

export const CancellationReason = Type.Union(
  cancellationReasons.map((reason) => Type.Literal(reason)),
);

const ids = { pattern: '^[A-Za-z0-9_]{1,100}$' };

/**
 * What the widget asks the wallet for (`wallet_requestExecutionPermissions`, ERC-7715's
 * `erc20-token-periodic`), and what the wallet checks every renewal quote against.
 */
export const SubscriptionGrant = Type.Object(
  {
    type: Type.Literal('erc20-token-periodic'),
    chain_id: ChainId,
    asset: AssetSymbol,
    token_address: { ...Address, description: 'The ERC-20 contract (`tokenAddress`).' },
    decimals: Type.Integer({ minimum: 0, maximum: 77 }),
    recipient: { ...Address, description: "The merchant's receiving address: the only payee." },
    period_amount: {
      ...UnsignedIntegerString,
      description:
        'At most this much per period, in base units (`periodAmount`): the first quote plus ' +
        '`allowance_margin_percent`, rounded up.',
    },
    period_duration: Type.Integer({
      minimum: 1,
      description:
        'Seconds (`periodDuration`): the shortest a period of the plan can be (28 days a month, ' +
        '365 a year), so a fixed window never holds two on-time renewals. The exact rule is the ' +
        'calendar: one payment per period index from `start_time` (shared/subscriptions/findPeriod).',
    }),
    start_time: Type.Integer({
      minimum: 0,
      description: 'Unix seconds (`startTime`): the start of period 0, the billing anchor.',
    }),
    expiry: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
      description:
        'Unix seconds (`expiry`): the end of the grace period of the last cycle; null when the ' +
        'plan runs until canceled.',
    }),
    interval: BillingIntervalUnit,
    interval_count: Type.Integer({ minimum: 1 }),
    grace_period_seconds: Type.Integer({
      minimum: 1,
      description: 'A renewal may be paid until this long after its period starts, not later.',
    }),
    allowance_margin_percent: Type.Integer({ minimum: 0 }),
  },
  { title: 'SubscriptionGrant' },
);

export const SubscriptionPeriod = Type.Object(
  {
    index: Type.Integer({ minimum: 0, description: 'Periods since the billing anchor.' }),
    start: Timestamp,
    end: { ...Timestamp, description: 'Excluded: the start of the next period.' },
  },
  { title: 'SubscriptionPeriod' },
);

export const Subscription = Type.Object(
  {
    id: Type.String({ examples: ['sub_e4da3b7fbbce2345d7772b0674a318d5'] }),
    object: Type.Literal('subscription'),
    plan: Type.String({ description: 'The plan id.' }),
    status: SubscriptionStatus,
    subscriber: {
      ...Address,
      description: 'The address that paid the first period (or signed the trial start).',
    },
    amount_minor: UnsignedIntegerString,
    currency: Type.String(),
    billing_anchor: { ...Timestamp, description: 'The start of period 0.' },
    trial_end: Type.Union([Timestamp, Type.Null()]),
    current_period: Type.Union([SubscriptionPeriod, Type.Null()], {
      description: 'The period now, while trialing is over and the subscription is live.',
    }),
    paid_periods: Type.Integer({ minimum: 0 }),
    paid_through: {
      ...Timestamp,
      description:
        'Paid (or free, in the trial) until then: the end of the last paid period, or the trial ' +
        'end before the first payment.',
    },
    next_renewal_at: Type.Union([Timestamp, Type.Null()], {
      description: 'When the next renewal falls due; null when none will.',
    }),
    cancel_at: Type.Union([Timestamp, Type.Null()], {
      description: 'A cancellation scheduled for the end of the paid time.',
    }),
    canceled_at: Type.Union([Timestamp, Type.Null()]),
    cancellation_reason: Type.Union([CancellationReason, Type.Null()]),
    ended_at: Type.Union([Timestamp, Type.Null()]),
    grant: SubscriptionGrant,
    checkout_session: Type.String({ description: 'The checkout session it was created from.' }),
    metadata: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'Present when read with the secret key, and in webhooks.',
      }),
    ),
    created_at: Timestamp,
  },
  { title: 'Subscription' },
);

/** Keys the provider adds to the metadata of the checkout sessions it creates for subscriptions. */
export const reservedMetadataPrefix = 'tp_';

const sessionFields = CreateCheckoutSessionBody.properties;

export const CreateSubscriptionCheckoutBody = Type.Object(
  {
    plan: Type.String({ ...ids, description: 'The plan id (`plan_…`).' }),
    expires_in: sessionFields.expires_in,
    success_url: sessionFields.success_url,
    metadata: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^(?!tp_)[A-Za-z0-9_.:-]{1,40}$' }),
        Type.String({ maxLength: 500 }),
        {
          additionalProperties: false,
          maxProperties: 18,
          description:
            'Your own strings (customer id…), kept on the subscription and copied to each ' +
            'renewal session; keys starting with `tp_` are the provider’s.',
        },
      ),
    ),
  },
  { additionalProperties: false, title: 'CreateSubscriptionCheckoutBody' },
);

export const SubscriptionCheckout = Type.Object(
  {
    object: Type.Literal('subscription_checkout'),
    session_id: Type.String({ description: 'The checkout session to show: `<tp-checkout>`.' }),
    plan: Plan,
    subscription: Type.Union([Type.String(), Type.Null()], {
      description: 'The subscription once the first payment settled or the trial started.',
    }),
    metadata: Type.Optional(Type.Record(Type.String(), Type.String())),
    expires_at: Timestamp,
    created_at: Timestamp,
  },
  { title: 'SubscriptionCheckout' },
);

const Signature = Type.String({
  pattern: '^0x[0-9a-fA-F]{130}$',
  description: 'EIP-191 `personal_sign` signature, 65 bytes as hex.',
});

export const StartTrialBody = Type.Object(
  {
    quote_id: Type.String({
      ...ids,
      description:
        'A quote locked on this session for the asset chosen: it fixes the allowance, and the ' +
        'trial starts while it is valid.',
    }),
    subscriber: { ...Address, description: 'The address that will pay the renewals.' },
    signature: {
      ...Signature,
      description:
        'By `subscriber`, over formatStartTrialMessage (shared/subscriptions): proves the ' +
        'address is the caller’s.',
    },
  },
  { additionalProperties: false, title: 'StartTrialBody' },
);

export const CancelSubscriptionBody = Type.Object(
  {
    at_period_end: Type.Optional(
      Type.Boolean({
        description:
          'true: at the end of the paid time (`cancel_at`), no more renewals; false (default): now.',
      }),
    ),
  },
  { additionalProperties: false, title: 'CancelSubscriptionBody' },
);

export const SubscriberCancelBody = Type.Object(
  {
    at_period_end: Type.Boolean(),
    signed_at: Type.String({
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3})?Z$',
      description:
        'When the subscriber signed (UTC); accepted within 10 minutes of the provider’s clock.',
    }),
    signature: {
      ...Signature,
      description:
        "By the subscriber's address, over formatCancelSubscriptionMessage (shared/subscriptions).",
    },
  },
  { additionalProperties: false, title: 'SubscriberCancelBody' },
);

export const invoiceStatuses = ['open', 'paid', 'missed', 'void'] as const;

export const SubscriptionInvoice = Type.Object(
  {
    id: Type.String({ examples: ['inv_1679091c5a880faf6fb5e6087eb1b2dc'] }),
    object: Type.Literal('subscription_invoice'),
    subscription: Type.String(),
    period_index: Type.Integer({ minimum: 0 }),
    period_start: Timestamp,
    period_end: Timestamp,
    grace_ends_at: { ...Timestamp, description: 'Unpaid by then: the subscription is past_due.' },
    status: Type.Union(
      invoiceStatuses.map((status) => Type.Literal(status)),
      {
        description:
          '`open`: due; `paid`; `missed`: not paid within the grace period (still payable until ' +
          'the period ends); `void`: the subscription was canceled first.',
      },
    ),
    session_id: Type.String({ description: 'The checkout session that collects it.' }),
    session_status: SessionStatus,
    amount_minor: UnsignedIntegerString,
    currency: Type.String(),
    quote: Type.Union([CheckoutQuote, Type.Null()], {
      description:
        'The signed quote to pay: a fresh one while the session is open (locked again when the ' +
        'last one is about to expire), the last one otherwise; null if none could be locked.',
    }),
    paid_at: Type.Union([Timestamp, Type.Null()]),
    created_at: Timestamp,
  },
  { title: 'SubscriptionInvoice' },
);

export const SubscriptionIdParams = Type.Object({
  id: Type.String({ ...ids, description: 'The subscription id (`sub_…`).' }),
});

export const SubscriptionCheckoutParams = Type.Object({
  session_id: Type.String({ ...ids, description: 'The checkout session id (`cs_…`).' }),
});

export type SubscriptionStatus = Static<typeof SubscriptionStatus>;
export type CancellationReason = Static<typeof CancellationReason>;
export type SubscriptionGrant = Static<typeof SubscriptionGrant>;
export type SubscriptionPeriod = Static<typeof SubscriptionPeriod>;
export type Subscription = Static<typeof Subscription>;
export type CreateSubscriptionCheckoutBody = Static<typeof CreateSubscriptionCheckoutBody>;
export type SubscriptionCheckout = Static<typeof SubscriptionCheckout>;
export type StartTrialBody = Static<typeof StartTrialBody>;
export type CancelSubscriptionBody = Static<typeof CancelSubscriptionBody>;
export type SubscriberCancelBody = Static<typeof SubscriberCancelBody>;
export type InvoiceStatus = (typeof invoiceStatuses)[number];
export type SubscriptionInvoice = Static<typeof SubscriptionInvoice>;

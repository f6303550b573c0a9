import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import {
  Address,
  AssetSymbol,
  ChainId,
  Timestamp,
  UnsignedIntegerString,
  WireRate,
} from './wireTypes.ts';
import { CheckoutAmountPaid, CheckoutPayment } from './CheckoutPayment.ts';

export const sessionStatuses = [
  'open',
  'pending',
  'settled',
  'expired',
  'underpaid',
  'overpaid',
  'paid_late',
] as const;

export const SessionStatus = Type.Union(
  sessionStatuses.map((status) => Type.Literal(status)),
  {
    description:
      '`open`: waiting for payment; `pending`: a payment is seen, not yet confirmed; `settled`: ' +
      'paid exactly; `underpaid` / `overpaid`: paid, but less / more than quoted; `expired`: ' +
      'nothing paid in time; `paid_late`: paid after expiry.',
  },
);

export const AcceptedAsset = Type.Object(
  { chain_id: ChainId, asset: AssetSymbol },
  { additionalProperties: false, title: 'AcceptedAsset' },
);

/** Limits of a session's inputs; the schema below and the docs say the same. */
export const checkoutSessionLimits = {
  maxAmountMinorDigits: 15,
  defaultExpiresInSeconds: 15 * 60,
  minExpiresInSeconds: 60,
  maxExpiresInSeconds: 24 * 60 * 60,
  maxAcceptedAssets: 32,
  maxRecipients: 16,
  maxMetadataKeys: 20,
  maxMetadataKeyLength: 40,
  maxMetadataValueLength: 500,
  maxSuccessUrlLength: 2048,
} as const;

const limits = checkoutSessionLimits;

export const CreateCheckoutSessionBody = Type.Object(
  {
    amount_minor: Type.String({
      pattern: `^[1-9][0-9]{0,${limits.maxAmountMinorDigits - 1}}$`,
      description:
        'The price in minor units of `currency` as a decimal string (ISO 4217 minor units: ' +
        '"2400" with EUR is 24.00 EUR, with JPY 2400 JPY). Positive, at most 15 digits.',
      examples: ['2400'],
    }),
    currency: Type.String({
      pattern: '^[A-Z]{3}$',
      description: 'ISO 4217 code of the price.',
      examples: ['EUR'],
    }),
    recipients: Type.Record(Type.String({ pattern: '^[1-9][0-9]{0,15}$' }), Address, {
      additionalProperties: false,
      minProperties: 1,
      maxProperties: limits.maxRecipients,
      description:
        "The merchant's receiving address per chain id, EIP-55 checksummed; one for each chain " +
        'of `accepted_assets`, no other.',
      examples: [{ '31337': '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }],
    }),
    accepted_assets: Type.Array(AcceptedAsset, {
      minItems: 1,
      maxItems: limits.maxAcceptedAssets,
      description: 'What the shopper may pay with; each must be known on its chain and priced.',
      examples: [[{ chain_id: 31337, asset: 'USDC' }]],
    }),
    expires_in: Type.Optional(
      Type.Integer({
        minimum: limits.minExpiresInSeconds,
        maximum: limits.maxExpiresInSeconds,
        description: 'Seconds until the session expires (default 900, 15 minutes).',
      }),
    ),
    metadata: Type.Optional(
      Type.Record(
        Type.String({ pattern: `^[A-Za-z0-9_.:-]{1,${limits.maxMetadataKeyLength}}$` }),
        Type.String({ maxLength: limits.maxMetadataValueLength }),
        {
          additionalProperties: false,
          maxProperties: limits.maxMetadataKeys,
          description:
            'Your own strings (order id…), returned with the secret key only, and in webhooks.',
        },
      ),
    ),
    success_url: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: limits.maxSuccessUrlLength,
        description:
          'Where the widget sends the shopper once paid: https, or http on localhost / 127.0.0.1.',
      }),
    ),
  },
  { additionalProperties: false, title: 'CreateCheckoutSessionBody' },
);

export const PaymentOption = Type.Object(
  {
    chain_id: ChainId,
    asset: AssetSymbol,
    name: Type.String(),
    decimals: Type.Integer({ minimum: 0, maximum: 77 }),
    token_address: Type.Union([Address, Type.Null()], {
      description: 'The ERC-20 contract; null for the native coin (ETH).',
    }),
    recipient: Address,
    amount: Type.Union([UnsignedIntegerString, Type.Null()], {
      description:
        'The price at the current rate in base units of the asset, rounded up; null while the ' +
        'pair has no rate. Indicative: lock a quote for the amount to pay.',
    }),
    rate: Type.Union([WireRate, Type.Null()], {
      description: 'ASSET/CURRENCY: one whole asset is worth this many whole units of currency.',
    }),
  },
  { title: 'PaymentOption' },
);

export const CheckoutSession = Type.Object(
  {
    id: Type.String({ examples: ['cs_8f14e45fceea167a5a36dedd4bea2543'] }),
    object: Type.Literal('checkout.session'),
    status: SessionStatus,
    amount_minor: UnsignedIntegerString,
    currency: Type.String(),
    recipients: Type.Record(Type.String(), Address),
    accepted_assets: Type.Array(AcceptedAsset),
    metadata: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'Present when read with the secret key.',
      }),
    ),
    success_url: Type.Union([Type.String(), Type.Null()]),
    expires_at: Timestamp,
    created_at: Timestamp,
    payment_options: Type.Array(PaymentOption, {
      description: 'While the session is open: each accepted asset at the current rate.',
    }),
    payments: Type.Array(CheckoutPayment, {
      description: 'Transfers matched to this session, oldest first, dropped ones included.',
    }),
    amount_paid: Type.Union([CheckoutAmountPaid, Type.Null()], {
      description: 'Null until a payment is confirmed.',
    }),
  },
  { title: 'CheckoutSession' },
);

export const SessionIdParams = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9_]{1,100}$', description: 'The session id (`cs_…`).' }),
});

export type SessionStatus = Static<typeof SessionStatus>;
export type AcceptedAsset = Static<typeof AcceptedAsset>;
export type CreateCheckoutSessionBody = Static<typeof CreateCheckoutSessionBody>;
export type PaymentOption = Static<typeof PaymentOption>;
export type CheckoutSession = Static<typeof CheckoutSession>;

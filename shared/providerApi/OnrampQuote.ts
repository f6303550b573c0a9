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

/** Limits of an on-ramp quote's inputs; the schema below and the docs say the same. */
export const onrampQuoteLimits = {
  maxFiatAmountMinorDigits: 12,
  maxCryptoAmountDigits: 40,
} as const;

/** An ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = Type.String({
  pattern: '^[A-Z]{2}$',
  description: "ISO 3166-1 alpha-2 code of the shopper's country (`DE`, `US`).",
  examples: ['DE'],
});

/** The id of a configured on-ramp adapter (`sandbox`, `moonpay`, `transak`). */
export const OnrampAdapterId = Type.String({
  pattern: '^[a-z][a-z0-9_-]{0,31}$',
  description: 'Which on-ramp sells the crypto: `sandbox` on the dev chain, or a real provider.',
  examples: ['sandbox'],
});

/** How the widget may show an adapter's page: a popup always works; an iframe only where allowed. */
export const OnrampEmbedding = Type.Array(
  Type.Union([Type.Literal('popup'), Type.Literal('iframe')]),
  {
    description: 'Ways the hosted page may be opened: `popup` (a new window), `iframe`.',
    examples: [['popup', 'iframe']],
  },
);

export const CreateOnrampQuoteBody = Type.Object(
  {
    fiat_currency: Type.String({
      pattern: '^[A-Z]{3}$',
      description: 'ISO 4217 code of the money the shopper pays with.',
      examples: ['USD'],
    }),
    fiat_amount_minor: Type.Optional(
      Type.String({
        pattern: `^[1-9][0-9]{0,${onrampQuoteLimits.maxFiatAmountMinorDigits - 1}}$`,
        description:
          'What the shopper pays, fees included, in minor units of `fiat_currency` ("2500" with ' +
          'USD is 25.00 USD). Give this or `crypto_amount`, not both.',
        examples: ['2500'],
      }),
    ),
    crypto_amount: Type.Optional(
      Type.String({
        pattern: `^[1-9][0-9]{0,${onrampQuoteLimits.maxCryptoAmountDigits - 1}}$`,
        description:
          'What should arrive in the wallet, in base units of the asset ("12340000" is 12.34 ' +
          'USDC). Give this or `fiat_amount_minor`, not both.',
        examples: ['12340000'],
      }),
    ),
    chain_id: ChainId,
    asset: AssetSymbol,
    wallet_address: {
      ...Address,
      description: 'Where the crypto is sent: an EIP-55 checksummed address.',
    },
    country: CountryCode,
    adapter: Type.Optional({
      ...OnrampAdapterId,
      description: 'A configured adapter; default: the first one that sells this asset.',
    }),
  },
  { additionalProperties: false, title: 'CreateOnrampQuoteBody' },
);

export const OnrampFees = Type.Object(
  {
    adapter_fee_minor: {
      ...UnsignedIntegerString,
      description: "The on-ramp's fee, in minor units of the fiat currency.",
    },
    network_fee_minor: {
      ...UnsignedIntegerString,
      description: 'What sending the crypto on chain costs, in minor units of the fiat currency.',
    },
    total_fee_minor: {
      ...UnsignedIntegerString,
      description: 'adapter_fee_minor + network_fee_minor.',
    },
  },
  { title: 'OnrampFees' },
);

/** The fields a quote and the order made from it share (the order repeats its quote). */
export const onrampPriceFields = {
  adapter: OnrampAdapterId,
  adapter_name: Type.String({ description: 'For people: "Sandbox (test cards)", "MoonPay".' }),
  chain_id: ChainId,
  asset: AssetSymbol,
  token_address: Type.Union([Address, Type.Null()], {
    description: 'The ERC-20 contract; null for the native coin (ETH).',
  }),
  decimals: Type.Integer({ minimum: 0, maximum: 77 }),
  wallet_address: Address,
  country: CountryCode,
  fiat_currency: Type.String({ examples: ['USD'] }),
  fiat_amount_minor: {
    ...UnsignedIntegerString,
    description: 'What the shopper pays, fees included: subtotal_minor + fees.total_fee_minor.',
  },
  subtotal_minor: {
    ...UnsignedIntegerString,
    description: 'The part that buys crypto: crypto_amount at `rate`, rounded up.',
  },
  crypto_amount: {
    ...UnsignedIntegerString,
    description:
      'What arrives in the wallet, in base units of the asset. From a fiat amount it is rounded ' +
      'down; from a crypto amount it is exactly what was asked.',
  },
  fees: OnrampFees,
  pair: Type.String({ examples: ['USDC/USD'] }),
  rate: WireRate,
  embedding: OnrampEmbedding,
};

export const OnrampQuote = Type.Object(
  {
    id: Type.String({ examples: ['orq_45c48cce2e2d7fbdea1afc51c7c6ad26'] }),
    object: Type.Literal('onramp.quote'),
    ...onrampPriceFields,
    expires_at: { ...Timestamp, description: 'Create the order before this.' },
    created_at: Timestamp,
  },
  { title: 'OnrampQuote' },
);

export type CreateOnrampQuoteBody = Static<typeof CreateOnrampQuoteBody>;
export type OnrampFees = Static<typeof OnrampFees>;
export type OnrampQuote = Static<typeof OnrampQuote>;
export type OnrampEmbedding = Static<typeof OnrampEmbedding>;

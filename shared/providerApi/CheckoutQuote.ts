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

export const LockQuoteBody = Type.Object(
  { chain_id: ChainId, asset: AssetSymbol },
  {
    additionalProperties: false,
    title: 'LockQuoteBody',
    description: "One of the session's payment options.",
  },
);

export const QuoteSignature = Type.Object(
  {
    algorithm: Type.Literal('ed25519'),
    key_id: Type.String({ description: 'The key in `GET /v1/keys`.' }),
    value: Type.String({
      pattern: '^[0-9a-f]{128}$',
      description:
        'Ed25519 over the signed fields laid out as in shared/quotes/encodeQuoteMessage.ts.',
    }),
  },
  { title: 'QuoteSignature' },
);

export const CheckoutQuote = Type.Object(
  {
    id: Type.String({ examples: ['qt_c4ca4238a0b923820dcc509a6f75849b'] }),
    object: Type.Literal('checkout.quote'),
    session_id: Type.String(),
    chain_id: ChainId,
    asset: AssetSymbol,
    token_address: Type.Union([Address, Type.Null()], {
      description: 'The ERC-20 contract; null for the native coin (ETH, sent as value).',
    }),
    decimals: Type.Integer({ minimum: 0, maximum: 77 }),
    recipient: Address,
    amount: Type.String({
      pattern: '^(0|[1-9][0-9]*)$',
      description:
        'Exactly what to pay, in base units of the asset: the price at the locked rate, rounded ' +
        "up (in the merchant's favour by less than one base unit).",
    }),
    reference: Type.String({
      pattern: '^[0-9a-f]{32}$',
      description:
        '16 random bytes as 32 lowercase hex digits, unique per quote. Append these 16 bytes to ' +
        "the transfer's calldata (ERC-20 `transfer` data + reference; for ETH, the data is the " +
        'reference alone): payment detection matches on it.',
    }),
    amount_minor: UnsignedIntegerString,
    currency: Type.String(),
    pair: Type.String({ examples: ['USDC/EUR'] }),
    rate: WireRate,
    expires_at: Timestamp,
    created_at: Timestamp,
    signature: QuoteSignature,
  },
  { title: 'CheckoutQuote' },
);

export type LockQuoteBody = Static<typeof LockQuoteBody>;
export type CheckoutQuote = Static<typeof CheckoutQuote>;

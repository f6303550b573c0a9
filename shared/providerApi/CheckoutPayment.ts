import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Address, AssetSymbol, ChainId, Timestamp, UnsignedIntegerString } from './wireTypes.ts';

/** A transaction hash: 32 bytes, 0x-prefixed hex. */
export const TransactionHash = Type.String({
  pattern: '^0x[0-9a-fA-F]{64}$',
  description: 'A transaction hash, 0x and 64 hex digits.',
  examples: ['0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060'],
});

export const paymentStatuses = ['seen', 'confirmed', 'dropped'] as const;

export const PaymentStatus = Type.Union(
  paymentStatuses.map((status) => Type.Literal(status)),
  {
    description:
      '`seen`: in a block, not yet confirmed by enough blocks; `confirmed`: confirmed on a quorum ' +
      'of RPC endpoints, counted for the session; `dropped`: its block left the chain (reorg) or ' +
      'it failed before confirmation, not counted.',
  },
);

/**
 * One on-chain transfer that carried a quote's reference and paid the quoted asset on the quoted
 * chain to the merchant's address. Transfers that do not match a quote never become payments.
 */
export const CheckoutPayment = Type.Object(
  {
    id: Type.String({ examples: ['py_1679091c5a880faf6fb5e6087eb1b2dc'] }),
    object: Type.Literal('checkout.payment'),
    session_id: Type.String(),
    quote_id: Type.String(),
    chain_id: ChainId,
    asset: AssetSymbol,
    tx_hash: TransactionHash,
    from: Address,
    amount: {
      ...UnsignedIntegerString,
      description: 'What arrived, in base units of the asset (from the Transfer log or tx value).',
    },
    status: PaymentStatus,
    block_number: {
      ...UnsignedIntegerString,
      description: 'The block that includes the transaction.',
    },
    confirmations: Type.Integer({
      minimum: 0,
      description: 'Blocks on top of and including the one with the transaction, last seen.',
    }),
    required_confirmations: Type.Integer({
      minimum: 1,
      description: 'How many the provider waits for on this chain before it counts the payment.',
    }),
    late: Type.Boolean({
      description:
        "Included in a block whose time is after the quote's expiry or the session's expiry.",
    }),
    created_at: Timestamp,
  },
  { title: 'CheckoutPayment' },
);

/** What was paid against the session's quote that received the first payment. */
export const CheckoutAmountPaid = Type.Object(
  {
    quote_id: Type.String(),
    chain_id: ChainId,
    asset: AssetSymbol,
    amount_quoted: UnsignedIntegerString,
    amount_paid: {
      ...UnsignedIntegerString,
      description: 'Sum of the confirmed payments for this quote.',
    },
    amount_remaining: {
      ...UnsignedIntegerString,
      description:
        'What is still due (0 when paid in full or more). An underpaid session is completed by ' +
        "a transfer of this amount carrying the same quote's reference.",
    },
  },
  { title: 'CheckoutAmountPaid' },
);

export const ReportPaymentBody = Type.Object(
  { chain_id: ChainId, tx_hash: TransactionHash },
  {
    additionalProperties: false,
    title: 'ReportPaymentBody',
    description:
      'A transaction the shopper sent for this session, for a faster answer than waiting for the ' +
      'chain watcher. The provider verifies it exactly as it verifies what it finds on its own.',
  },
);

export type PaymentStatus = Static<typeof PaymentStatus>;
export type CheckoutPayment = Static<typeof CheckoutPayment>;
export type CheckoutAmountPaid = Static<typeof CheckoutAmountPaid>;
export type ReportPaymentBody = Static<typeof ReportPaymentBody>;

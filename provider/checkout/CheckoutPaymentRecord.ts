import type { Address, Hex } from 'viem';
import type { PaymentStatus } from '../../shared/providerApi/CheckoutPayment.ts';

/** A payment as stored (`checkout_payments`), with what it needs of its quote. */
export type CheckoutPaymentRecord = {
  /** `py_…` */
  readonly id: string;
  readonly sessionId: string;
  readonly quoteId: string;
  readonly chainId: number;
  /** The quote's asset (`USDC`). */
  readonly asset: string;
  /** What the quote asked for, in base units. */
  readonly quoteAmount: bigint;
  readonly txHash: Hex;
  readonly blockNumber: bigint;
  readonly blockHash: Hex;
  /** The block's own timestamp (chain time). */
  readonly blockTime: Date;
  readonly from: Address;
  /** What arrived, in base units. */
  readonly amount: bigint;
  readonly status: PaymentStatus;
  readonly confirmations: number;
  readonly requiredConfirmations: number;
  readonly isLate: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

/** The row as the database returns it (int8 → bigint, numeric → decimal string). */
export type CheckoutPaymentRow = {
  id: string;
  session_id: string;
  quote_id: string;
  chain_id: bigint;
  asset: string;
  quote_amount: string;
  tx_hash: string;
  block_number: bigint;
  block_hash: string;
  block_time: Date;
  from_address: string;
  amount: string;
  status: PaymentStatus;
  confirmations: number;
  required_confirmations: number;
  late: boolean;
  created_at: Date;
  updated_at: Date;
};

/** Select list for `checkout_payments payment join checkout_quotes quote on quote.id = payment.quote_id`. */
export const checkoutPaymentColumns =
  'payment.id, payment.session_id, payment.quote_id, payment.chain_id, quote.asset, ' +
  'quote.amount::text as quote_amount, payment.tx_hash, payment.block_number, ' +
  'payment.block_hash, payment.block_time, payment.from_address, payment.amount::text as amount, ' +
  'payment.status, payment.confirmations, payment.required_confirmations, payment.late, ' +
  'payment.created_at, payment.updated_at';

export function toCheckoutPaymentRecord(row: CheckoutPaymentRow): CheckoutPaymentRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    quoteId: row.quote_id,
    chainId: Number(row.chain_id),
    asset: row.asset,
    quoteAmount: BigInt(row.quote_amount),
    txHash: row.tx_hash as Hex,
    blockNumber: row.block_number,
    blockHash: row.block_hash as Hex,
    blockTime: row.block_time,
    from: row.from_address as Address,
    amount: BigInt(row.amount),
    status: row.status,
    confirmations: row.confirmations,
    requiredConfirmations: row.required_confirmations,
    isLate: row.late,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

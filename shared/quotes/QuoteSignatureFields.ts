/**
 * The fields of a locked quote that the provider signs, named as in the API's quote object, so
 * the object itself can be passed to `verifyQuoteSignature`. Everything a wallet needs to check
 * that it pays what the provider promised: where (chain, token, recipient), how much, with which
 * reference, until when, and for which price.
 */
export type QuoteSignatureFields = {
  /** `qt_…` */
  readonly id: string;
  /** `cs_…` */
  readonly session_id: string;
  readonly chain_id: number;
  /** Ticker of the asset paid (`USDC`). */
  readonly asset: string;
  /** The ERC-20 contract, or `null` for the chain's native coin. */
  readonly token_address: string | null;
  readonly decimals: number;
  /** The merchant's address on that chain. */
  readonly recipient: string;
  /** Exactly what to pay, in base units of the asset, as a decimal string. */
  readonly amount: string;
  /** 16 bytes as 32 lowercase hex digits, appended to the transfer's calldata. */
  readonly reference: string;
  /** The session's price, in minor units of `currency`. */
  readonly amount_minor: string;
  /** ISO 4217. */
  readonly currency: string;
  /** `2026-01-31T12:10:00.000Z` (whole seconds, as `Date#toISOString` writes it). */
  readonly expires_at: string;
};

import type { ObservedTransfer } from '../payments/ChainObservations.ts';
import type { QuoteTerms } from './findQuoteByReference.ts';

export type FindTransferMismatchParameters = {
  transfer: Pick<ObservedTransfer, 'chainId' | 'to' | 'tokenAddress' | 'amount'>;
  quote: Pick<QuoteTerms, 'chainId' | 'tokenAddress' | 'recipient'>;
};

/** Why a transfer carrying a quote's reference does not pay that quote. */
export type TransferMismatch = {
  readonly reason: 'wrong_chain' | 'wrong_token' | 'wrong_recipient' | 'nothing_paid';
  /** What the quote asks for and what the transfer did (chain id, address, `native`, amount). */
  readonly expected: string;
  readonly actual: string;
};

export type FindTransferMismatchReturnType = TransferMismatch | undefined;

/**
 * Undefined when the transfer pays the quote: the quoted chain, the quoted token (or the native
 * coin when the quote has no token) and the quoted recipient, with something paid. Addresses are
 * compared without regard to their checksum case.
 */
export function findTransferMismatch({
  transfer,
  quote,
}: FindTransferMismatchParameters): FindTransferMismatchReturnType {
  if (transfer.chainId !== quote.chainId) {
    return {
      reason: 'wrong_chain',
      expected: String(quote.chainId),
      actual: String(transfer.chainId),
    };
  }
  const expectedToken = quote.tokenAddress?.toLowerCase() ?? 'native';
  const actualToken = transfer.tokenAddress?.toLowerCase() ?? 'native';
  if (actualToken !== expectedToken) {
    return { reason: 'wrong_token', expected: expectedToken, actual: actualToken };
  }
  if (transfer.to.toLowerCase() !== quote.recipient.toLowerCase()) {
    return {
      reason: 'wrong_recipient',
      expected: quote.recipient.toLowerCase(),
      actual: transfer.to.toLowerCase(),
    };
  }
  if (transfer.amount <= 0n) {
    return { reason: 'nothing_paid', expected: 'more than 0', actual: transfer.amount.toString() };
  }
  return undefined;
}

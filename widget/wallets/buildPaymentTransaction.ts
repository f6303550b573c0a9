import type { Address, Hex } from 'viem';
import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import { InvalidPaymentError } from './InvalidPaymentError.ts';
import { encodeErc20Call } from './encodeErc20Call.ts';
import { hexQuantity } from './hexQuantity.ts';
import { isAddressText } from './isAddressText.ts';

export type BuildPaymentTransactionParameters = {
  quote: Pick<CheckoutQuote, 'token_address' | 'recipient' | 'reference' | 'chain_id'>;
  /** The paying account, as the wallet gave it. */
  from: string;
  /** Base units: the quote's amount, or what an underpaid session still lacks. */
  amount: bigint;
};

/** The `eth_sendTransaction` parameter (EIP-1474 quantities as hex). */
export type PaymentTransaction = {
  readonly from: Address;
  readonly to: Address;
  readonly value: Hex;
  readonly data: Hex;
  readonly chainId: Hex;
};
export type BuildPaymentTransactionReturnType = PaymentTransaction;
export type BuildPaymentTransactionErrorType = InvalidPaymentError;

const referencePattern = /^[0-9a-f]{32}$/;
const maxUint256 = 2n ** 256n - 1n;

/**
 * The transaction that pays a quote. ERC-20: a call to the token, `transfer(recipient, amount)`
 * ABI-encoded by viem, followed by the quote's 16 reference bytes (ignored by the token, read by the
 * provider's watcher). Native coin: `value` = amount to the recipient, `data` = the reference.
 * Trusted: nothing; the quote comes from the network, so its fields are checked again here.
 */
export function buildPaymentTransaction({
  quote,
  from,
  amount,
}: BuildPaymentTransactionParameters): BuildPaymentTransactionReturnType {
  if (!isAddressText(from)) {
    throw new InvalidPaymentError({ field: 'from', expected: 'an address' });
  }
  if (!isAddressText(quote.recipient)) {
    throw new InvalidPaymentError({ field: 'recipient', expected: 'an address' });
  }
  if (!referencePattern.test(quote.reference)) {
    throw new InvalidPaymentError({ field: 'reference', expected: '32 lowercase hex digits' });
  }
  if (typeof amount !== 'bigint' || amount <= 0n || amount > maxUint256) {
    throw new InvalidPaymentError({ field: 'amount', expected: 'a positive uint256' });
  }
  if (!Number.isSafeInteger(quote.chain_id) || quote.chain_id < 1) {
    throw new InvalidPaymentError({ field: 'chain_id', expected: 'a positive integer' });
  }
  const chainId = hexQuantity(quote.chain_id);
  if (quote.token_address === null) {
    return {
      from,
      to: quote.recipient,
      value: hexQuantity(amount),
      data: `0x${quote.reference}`,
      chainId,
    };
  }
  if (!isAddressText(quote.token_address)) {
    throw new InvalidPaymentError({ field: 'token_address', expected: 'an address or null' });
  }
  const transfer = encodeErc20Call({ functionName: 'transfer', args: [quote.recipient, amount] });
  return {
    from,
    to: quote.token_address,
    value: '0x0',
    data: `${transfer}${quote.reference}`,
    chainId,
  };
}

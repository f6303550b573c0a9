import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import type { Eip1193Provider } from './Eip1193Provider.ts';
import { WalletResponseError } from './WalletResponseError.ts';
import { encodeErc20Call } from './encodeErc20Call.ts';
import { isAddressText } from './isAddressText.ts';

export type ReadPaymentBalanceParameters = {
  provider: Eip1193Provider;
  account: string;
  quote: Pick<CheckoutQuote, 'token_address'>;
};
export type ReadPaymentBalanceReturnType = bigint;
/** Plus whatever the wallet rejects with (EIP-1193 errors). */
export type ReadPaymentBalanceErrorType = WalletResponseError;

/** A uint256 answer: `0x` and at most 64 hex digits (an empty `0x` is not a balance). */
function readQuantity(answer: unknown, method: string): bigint {
  if (typeof answer !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(answer)) {
    throw new WalletResponseError({ method, expected: 'a hex quantity' });
  }
  return BigInt(answer);
}

/**
 * How much of the quote's asset `account` holds, asked through the wallet's own provider (the
 * chain the wallet is on must be the quote's): `eth_call` of ERC-20 `balanceOf`, or
 * `eth_getBalance` for the native coin.
 */
export async function readPaymentBalance({
  provider,
  account,
  quote,
}: ReadPaymentBalanceParameters): Promise<ReadPaymentBalanceReturnType> {
  if (quote.token_address === null) {
    const answer = await provider.request({
      method: 'eth_getBalance',
      params: [account, 'latest'],
    });
    return readQuantity(answer, 'eth_getBalance');
  }
  if (!isAddressText(account)) {
    throw new WalletResponseError({ method: 'eth_requestAccounts', expected: 'an address' });
  }
  const data = encodeErc20Call({ functionName: 'balanceOf', args: [account] });
  const answer = await provider.request({
    method: 'eth_call',
    params: [{ to: quote.token_address, data }, 'latest'],
  });
  return readQuantity(answer, 'eth_call');
}

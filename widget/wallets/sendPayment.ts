import type { Eip1193Provider } from './Eip1193Provider.ts';
import type { PaymentTransaction } from './buildPaymentTransaction.ts';
import { WalletResponseError } from './WalletResponseError.ts';

export type SendPaymentReturnType = `0x${string}`;

const transactionHashPattern = /^0x[0-9a-fA-F]{64}$/;

/** Sends the payment with `eth_sendTransaction` and returns the transaction hash. */
export async function sendPayment(
  provider: Eip1193Provider,
  transaction: PaymentTransaction,
): Promise<SendPaymentReturnType> {
  const answer = await provider.request({ method: 'eth_sendTransaction', params: [transaction] });
  if (typeof answer !== 'string' || !transactionHashPattern.test(answer)) {
    throw new WalletResponseError({
      method: 'eth_sendTransaction',
      expected: 'a transaction hash',
    });
  }
  return answer as SendPaymentReturnType;
}

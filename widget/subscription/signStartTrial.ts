import { formatStartTrialMessage } from '../../shared/subscriptions/formatStartTrialMessage.ts';
import type { FormatStartTrialMessageErrorType } from '../../shared/subscriptions/formatStartTrialMessage.ts';
import type { Eip1193Provider } from '../wallets/Eip1193Provider.ts';
import { WalletResponseError } from '../wallets/WalletResponseError.ts';

export type SignStartTrialParameters = {
  provider: Eip1193Provider;
  /** `cs_…` */
  sessionId: string;
  /** `qt_…`: the quote the allowance was granted for. */
  quoteId: string;
  /** The connected account: it signs, and it will pay the renewals. */
  subscriber: string;
};
/** The 65-byte signature, as the provider's `StartTrialBody.signature` wants it. */
export type SignStartTrialReturnType = `0x${string}`;
export type SignStartTrialErrorType = FormatStartTrialMessageErrorType | WalletResponseError;

const signaturePattern = /^0x[0-9a-fA-F]{130}$/;

/**
 * Asks the wallet to `personal_sign` the start-trial message (EIP-191). The message goes as
 * `0x`-hex of its UTF-8 bytes, the form every wallet reads as bytes (plain text is read as
 * bytes by some and as hex by others when it happens to look like hex). The shopper saying no
 * (4001) is thrown as the wallet's error, so the checkout shows it as for a payment.
 */
export async function signStartTrial({
  provider,
  sessionId,
  quoteId,
  subscriber,
}: SignStartTrialParameters): Promise<SignStartTrialReturnType> {
  const message = formatStartTrialMessage({ sessionId, quoteId, subscriber });
  let hex = '0x';
  for (const byte of new TextEncoder().encode(message)) hex += byte.toString(16).padStart(2, '0');
  const answer = await provider.request({ method: 'personal_sign', params: [hex, subscriber] });
  if (typeof answer !== 'string' || !signaturePattern.test(answer)) {
    throw new WalletResponseError({ method: 'personal_sign', expected: 'a 65-byte signature' });
  }
  return answer as SignStartTrialReturnType;
}

import type { QuoteSignatureFields } from '../../shared/quotes/QuoteSignatureFields.ts';
import { encodeQuoteMessage } from '../../shared/quotes/encodeQuoteMessage.ts';
import type { EncodeQuoteMessageErrorType } from '../../shared/quotes/encodeQuoteMessage.ts';
import type { SigningKey } from './loadSigningKey.ts';

export type SignQuoteParameters = { quote: QuoteSignatureFields; signingKey: SigningKey };
export type SignQuoteReturnType = { algorithm: 'ed25519'; key_id: string; value: string };
export type SignQuoteErrorType = EncodeQuoteMessageErrorType;

/** The quote's `signature` object: what `verifyQuoteSignature` (shared/quotes) checks. */
export function signQuote({ quote, signingKey }: SignQuoteParameters): SignQuoteReturnType {
  return {
    algorithm: 'ed25519',
    key_id: signingKey.id,
    value: signingKey.sign(encodeQuoteMessage(quote)),
  };
}

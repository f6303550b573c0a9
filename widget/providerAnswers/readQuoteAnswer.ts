import type { CheckoutQuote } from '../../shared/providerApi/CheckoutQuote.ts';
import { InvalidProviderAnswerError } from './InvalidProviderAnswerError.ts';
import {
  addressPattern,
  assetPattern,
  isChainId,
  isDecimals,
  isRecord,
  isTimestamp,
  matches,
} from './answerChecks.ts';

export type ReadQuoteAnswerReturnType = CheckoutQuote;
export type ReadQuoteAnswerErrorType = InvalidProviderAnswerError;

function check(condition: boolean, field: string): asserts condition {
  if (!condition) throw new InvalidProviderAnswerError({ what: 'quote', field });
}

/**
 * The quote the provider locked, checked where a payment depends on it: what to send (amount,
 * token, recipient, chain), the reference that ties it to the session, and the expiry.
 */
export function readQuoteAnswer(answer: unknown, sessionId: string): ReadQuoteAnswerReturnType {
  check(isRecord(answer), 'body');
  check(typeof answer.id === 'string' && answer.id.length > 0, 'id');
  check(answer.session_id === sessionId, 'session_id');
  check(isChainId(answer.chain_id), 'chain_id');
  check(matches(answer.asset, assetPattern), 'asset');
  check(
    answer.token_address === null || matches(answer.token_address, addressPattern),
    'token_address',
  );
  check(isDecimals(answer.decimals), 'decimals');
  check(matches(answer.recipient, addressPattern), 'recipient');
  check(matches(answer.amount, /^[1-9][0-9]{0,77}$/), 'amount');
  check(matches(answer.reference, /^[0-9a-f]{32}$/), 'reference');
  check(isTimestamp(answer.expires_at), 'expires_at');
  return answer as unknown as CheckoutQuote;
}

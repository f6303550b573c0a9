import type { OnrampOrder } from '../../shared/providerApi/OnrampOrder.ts';
import type { OnrampQuote } from '../../shared/providerApi/OnrampQuote.ts';
import { InvalidProviderAnswerError } from './InvalidProviderAnswerError.ts';
import {
  addressPattern,
  assetPattern,
  isChainId,
  isDecimals,
  isRecord,
  isTimestamp,
  matches,
  transactionHashPattern,
  unsignedIntegerPattern,
} from './answerChecks.ts';

export type ReadOnrampAnswerErrorType = InvalidProviderAnswerError;

const statuses = ['created', 'pending', 'completed', 'failed', 'expired'];

/**
 * An on-ramp quote or order from the provider, checked where the widget relies on it: the
 * amounts and fees it shows, where the crypto goes, and for an order its status and the page it
 * opens (http or https only: the widget puts that URL in a window or a frame).
 */
export function readOnrampAnswer(answer: unknown, what: 'quote'): OnrampQuote;
export function readOnrampAnswer(answer: unknown, what: 'order'): OnrampOrder;
export function readOnrampAnswer(
  answer: unknown,
  what: 'quote' | 'order',
): OnrampQuote | OnrampOrder {
  const check: (condition: boolean, field: string) => asserts condition = (condition, field) => {
    if (!condition) throw new InvalidProviderAnswerError({ what: `on-ramp ${what}`, field });
  };
  check(isRecord(answer), 'body');
  check(matches(answer.id, what === 'quote' ? /^orq_\w+$/ : /^oro_\w+$/), 'id');
  check(isChainId(answer.chain_id), 'chain_id');
  check(matches(answer.asset, assetPattern), 'asset');
  check(isDecimals(answer.decimals), 'decimals');
  check(matches(answer.wallet_address, addressPattern), 'wallet_address');
  check(matches(answer.country, /^[A-Z]{2}$/), 'country');
  check(matches(answer.fiat_currency, /^[A-Z]{3}$/), 'fiat_currency');
  for (const field of ['fiat_amount_minor', 'subtotal_minor', 'crypto_amount']) {
    check(matches(answer[field], unsignedIntegerPattern), field);
  }
  const fees = answer.fees;
  check(isRecord(fees), 'fees');
  for (const field of ['adapter_fee_minor', 'network_fee_minor']) {
    check(matches(fees[field], unsignedIntegerPattern), `fees.${field}`);
  }
  check(
    typeof answer.adapter_name === 'string' && answer.adapter_name.length <= 100,
    'adapter_name',
  );
  check(
    Array.isArray(answer.embedding) &&
      answer.embedding.every((mode) => mode === 'popup' || mode === 'iframe'),
    'embedding',
  );
  check(isTimestamp(answer.expires_at), 'expires_at');
  if (what === 'quote') return answer as unknown as OnrampQuote;

  check(statuses.includes(answer.status as string), 'status');
  check(typeof answer.quote_id === 'string', 'quote_id');
  check(isPageUrl(answer.hosted_url), 'hosted_url');
  check(answer.tx_hash === null || matches(answer.tx_hash, transactionHashPattern), 'tx_hash');
  const failure = answer.failure;
  check(
    failure === null ||
      (isRecord(failure) &&
        typeof failure.code === 'string' &&
        typeof failure.message === 'string'),
    'failure',
  );
  return answer as unknown as OnrampOrder;
}

function isPageUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 4096) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

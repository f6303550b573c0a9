import { ProviderApiError } from '../../shared/providerClient/errors.ts';
import type { ProviderFailure } from '../checkoutFlow/CheckoutEvent.ts';
import { InvalidProviderAnswerError } from './InvalidProviderAnswerError.ts';

export type ClassifyProviderErrorReturnType = ProviderFailure;

/**
 * A provider call's failure as the flow sees it: refused by the API (its error code and HTTP
 * status), answered with nonsense, or no usable answer at all (network, CORS, a proxy's HTML).
 */
export function classifyProviderError(error: unknown): ClassifyProviderErrorReturnType {
  if (error instanceof ProviderApiError) {
    return { kind: 'api', code: error.code, status: error.status, message: error.shortMessage };
  }
  if (error instanceof InvalidProviderAnswerError) {
    return { kind: 'api', code: 'invalid_answer', status: 200, message: error.shortMessage };
  }
  const message = error instanceof Error ? error.message : 'The provider could not be reached.';
  return { kind: 'unreachable', message: message.slice(0, 300) };
}

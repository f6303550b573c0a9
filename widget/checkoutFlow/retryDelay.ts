import { firstRetryDelayMilliseconds, maxRetryDelayMilliseconds } from './checkoutTimings.ts';

export type RetryDelayReturnType = number;

/**
 * Milliseconds to wait before retry number `attempt` (1 for the first): 1 s, 2 s, 4 s… up to
 * 30 s. Exponential so a provider that is down is not hammered by every open checkout at once.
 */
export function retryDelay(attempt: number): RetryDelayReturnType {
  if (!Number.isInteger(attempt) || attempt < 1) return firstRetryDelayMilliseconds;
  const exponent = Math.min(attempt - 1, 30);
  return Math.min(firstRetryDelayMilliseconds * 2 ** exponent, maxRetryDelayMilliseconds);
}

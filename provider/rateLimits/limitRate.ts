import type { FastifyReply } from 'fastify';
import { ApiError } from '../http/errors.ts';
import type { RateLimiter } from './createRateLimiter.ts';

export type LimitRateParameters = {
  limiter: RateLimiter;
  key: string;
  reply: FastifyReply;
};

/** Takes a token for `key`, or throws 429 `rate_limited` with `Retry-After` set on the reply. */
export function limitRate({ limiter, key, reply }: LimitRateParameters): void {
  const decision = limiter.take(key);
  if (decision.isAllowed) return;
  void reply.header('retry-after', String(decision.retryAfterSeconds));
  throw new ApiError({
    code: 'rate_limited',
    message: `Too many requests: retry in ${decision.retryAfterSeconds} s.`,
  });
}

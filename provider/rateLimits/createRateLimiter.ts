export type RateLimit = {
  /** Most requests in a burst. */
  capacity: number;
  /** Requests per second, sustained. */
  refillPerSecond: number;
};

export type CreateRateLimiterParameters = RateLimit & {
  now: () => Date;
  /** Buckets kept; beyond it the least recently used is dropped (it starts full again). */
  maxBuckets?: number;
};

export type RateLimitDecision =
  { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  /** Takes one token from `key`'s bucket, if it has one. */
  take(key: string): RateLimitDecision;
};

export type CreateRateLimiterReturnType = RateLimiter;

type Bucket = { tokens: number; updatedAtMs: number };

/**
 * A token bucket per key, in this process's memory: each key may burst `capacity` requests and
 * then `refillPerSecond`. Several processes each limit on their own (the limit per cluster is
 * then that many times higher); a shared limit needs a shared store.
 */
export function createRateLimiter({
  capacity,
  refillPerSecond,
  now,
  maxBuckets = 10_000,
}: CreateRateLimiterParameters): CreateRateLimiterReturnType {
  if (!(capacity >= 1) || !(refillPerSecond > 0) || !(maxBuckets >= 1)) {
    throw new RangeError('a rate limit needs capacity ≥ 1, refillPerSecond > 0, maxBuckets ≥ 1');
  }
  const buckets = new Map<string, Bucket>();
  return {
    take(key) {
      const nowMs = now().getTime();
      const bucket = buckets.get(key) ?? { tokens: capacity, updatedAtMs: nowMs };
      // A clock that steps back refills nothing (and takes nothing back).
      const elapsedMs = Math.max(0, nowMs - bucket.updatedAtMs);
      const tokens = Math.min(capacity, bucket.tokens + (elapsedMs * refillPerSecond) / 1000);
      const isAllowed = tokens >= 1;
      buckets.delete(key);
      buckets.set(key, { tokens: isAllowed ? tokens - 1 : tokens, updatedAtMs: nowMs });
      if (buckets.size > maxBuckets) {
        const oldest = buckets.keys().next();
        if (oldest.done !== true) buckets.delete(oldest.value);
      }
      if (isAllowed) return { isAllowed: true };
      return { isAllowed: false, retryAfterSeconds: Math.ceil((1 - tokens) / refillPerSecond) };
    },
  };
}

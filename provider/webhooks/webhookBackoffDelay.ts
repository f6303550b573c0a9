export type WebhookBackoffDelayParameters = {
  /** The attempt that just failed: 1 for the first. */
  attempt: number;
  /** In [0, 1); injectable so tests are exact. */
  random?: () => number;
  baseMs?: number;
  capMs?: number;
  /** The delay is cut by up to this fraction, at random, so failed deliveries do not retry in lockstep. */
  jitterRatio?: number;
};

/** Milliseconds until the next attempt. */
export type WebhookBackoffDelayReturnType = number;

/**
 * Exponential backoff with jitter: 30 s, 1 min, 2 min, 4 min … capped at 1 h, each shortened by
 * up to 25 %. Retries run until 3 days after the event (the dispatcher's `maxAgeMs`).
 */
export function webhookBackoffDelay({
  attempt,
  random = Math.random,
  baseMs = 30_000,
  capMs = 3_600_000,
  jitterRatio = 0.25,
}: WebhookBackoffDelayParameters): WebhookBackoffDelayReturnType {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const delay = Math.min(capMs, baseMs * 2 ** exponent);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(delay * (1 - jitterRatio * jitter));
}

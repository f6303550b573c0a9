import { BaseError } from 'viem';
import { TpError } from '../../../shared/errors/TpError.ts';

export type EndpointHealth = {
  readonly rpcUrl: string;
  /** False from a failure until the next success. */
  readonly isHealthy: boolean;
  /** Failures in a row (0 after a success). */
  readonly failures: number;
  readonly lastError?: string;
  readonly lastFailureAt?: number;
  readonly lastSuccessAt?: number;
};

export type EndpointHealthTracker = {
  recordSuccess: (rpcUrl: string) => void;
  recordFailure: (rpcUrl: string, error: unknown) => void;
  /**
   * Whether to pass over this endpoint for now: it failed less than `cooldownMs` ago and a later
   * endpoint in the list has not. Never true for the last endpoint, so one is always tried.
   */
  shouldSkip: (rpcUrl: string) => boolean;
  snapshot: () => readonly EndpointHealth[];
};

export type CreateEndpointHealthTrackerParameters = {
  rpcUrls: readonly string[];
  now: () => number;
  /** How long a failed endpoint is passed over while others work. */
  cooldownMs: number;
};

const maxErrorLength = 200;

/** Per-endpoint outcome counters for one network's RPC list, in memory only. */
export function createEndpointHealthTracker({
  rpcUrls,
  now,
  cooldownMs,
}: CreateEndpointHealthTrackerParameters): EndpointHealthTracker {
  const health = new Map<string, EndpointHealth>(
    rpcUrls.map((rpcUrl) => [rpcUrl, { rpcUrl, isHealthy: true, failures: 0 }]),
  );
  const read = (rpcUrl: string): EndpointHealth => {
    const entry = health.get(rpcUrl);
    if (entry === undefined) throw new RangeError(`Unknown RPC endpoint: ${rpcUrl}`);
    return entry;
  };
  const isCoolingDown = (entry: EndpointHealth): boolean =>
    entry.lastFailureAt !== undefined &&
    !entry.isHealthy &&
    now() - entry.lastFailureAt < cooldownMs;

  return {
    recordSuccess(rpcUrl) {
      health.set(rpcUrl, { ...read(rpcUrl), isHealthy: true, failures: 0, lastSuccessAt: now() });
    },
    recordFailure(rpcUrl, error) {
      const entry = read(rpcUrl);
      health.set(rpcUrl, {
        ...entry,
        isHealthy: false,
        failures: entry.failures + 1,
        lastError: describeError(error),
        lastFailureAt: now(),
      });
    },
    shouldSkip(rpcUrl) {
      if (!isCoolingDown(read(rpcUrl))) return false;
      const later = rpcUrls.slice(rpcUrls.indexOf(rpcUrl) + 1);
      return later.some((laterUrl) => !isCoolingDown(read(laterUrl)));
    },
    snapshot() {
      return rpcUrls.map(read);
    },
  };
}

function describeError(error: unknown): string {
  const text =
    error instanceof TpError
      ? `${error.code}: ${error.shortMessage}`
      : error instanceof BaseError
        ? `${error.shortMessage}${error.details ? ` (${error.details})` : ''}`
        : error instanceof Error
          ? error.message
          : String(error);
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.length <= maxErrorLength ? firstLine : `${firstLine.slice(0, maxErrorLength)}…`;
}

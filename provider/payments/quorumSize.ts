import { InvalidPaymentsOptionError } from './errors.ts';

/*
 * Trusted: the list of endpoints an operator configured. Not trusted: each of them alone.
 * With n endpoints, up to f = ⌊(n − 1) / 3⌋ may lie (colluding, in any way) or be down; a fact
 * needs q = max(2f + 1, ⌊n / 2⌋ + 1) identical answers. q is a strict majority, so two
 * different values can never both reach it, and q > f, so liars alone never make a fact.
 */

export type QuorumSizeParameters = {
  /** Endpoints configured (not the number that answered: silence counts against the quorum). */
  endpointCount: number;
};

export type QuorumSizeReturnType = {
  /** f: how many endpoints may lie or fail while the honest answer still wins. */
  faultTolerance: number;
  /** q: how many identical answers make a fact. */
  quorum: number;
};

export type QuorumSizeErrorType = InvalidPaymentsOptionError;

/** n = 1 → q = 1; 2 → 2; 3 → 2; 4 → 3; 7 → 5. */
export function quorumSize({ endpointCount }: QuorumSizeParameters): QuorumSizeReturnType {
  if (!Number.isSafeInteger(endpointCount) || endpointCount < 1 || endpointCount > 100) {
    throw new InvalidPaymentsOptionError({
      option: 'endpoints',
      expected: 'a list of 1 to 100 RPC URLs',
    });
  }
  const faultTolerance = Math.floor((endpointCount - 1) / 3);
  const quorum = Math.max(2 * faultTolerance + 1, Math.floor(endpointCount / 2) + 1);
  return { faultTolerance, quorum };
}

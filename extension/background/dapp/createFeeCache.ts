import type { ChainAccess } from './DappRequestHandler.ts';

export type CreateFeeCacheParameters = {
  readonly now: () => number;
  /** How long one fee estimate serves every transaction on its chain. */
  readonly maxAgeMilliseconds?: number;
};
export type FeeCache = (chainId: number, chain: ChainAccess) => ChainAccess;
export type CreateFeeCacheReturnType = FeeCache;

/**
 * Shares one fee estimate per chain for a moment (2 s): a site paying many times a second would
 * otherwise ask the node for the latest block and the priority fee before every payment. EIP-1559
 * moves the base fee by at most 12.5 % a block, and the estimate already allows for doubling, so
 * a two-second-old estimate still gets a transaction in. Concurrent asks share one request; a
 * failed estimate is not kept.
 */
export function createFeeCache({
  now,
  maxAgeMilliseconds = 2_000,
}: CreateFeeCacheParameters): CreateFeeCacheReturnType {
  const estimates = new Map<
    number,
    { at: number; fees: ReturnType<ChainAccess['estimateFees']> }
  >();
  return (chainId, chain) => ({
    ...chain,
    estimateFees: () => {
      const cached = estimates.get(chainId);
      if (cached !== undefined && now() - cached.at < maxAgeMilliseconds) return cached.fees;
      const entry = { at: now(), fees: chain.estimateFees() };
      estimates.set(chainId, entry);
      entry.fees.catch(() => {
        if (estimates.get(chainId) === entry) estimates.delete(chainId);
      });
      return entry.fees;
    },
  });
}

import { createHash } from 'node:crypto';

/**
 * The advisory lock key of one chain's watcher: the same in every process and release (derived
 * from the chain id alone), and apart from other users of advisory locks (a namespaced hash).
 * A signed 64-bit integer as a decimal string, for `pg_try_advisory_xact_lock($1::bigint)`.
 */
export function chainWatcherLockKey(chainId: number): string {
  const digest = createHash('sha256').update(`tp-pay/chain-watcher/${chainId}`).digest();
  return digest.readBigInt64BE(0).toString();
}

/**
 * Hands out transaction nonces so that several quick sends from one address on one chain never
 * get the same one, even while earlier ones are not yet in the node's pending count.
 *
 * A nonce is the larger of the chain's pending count and the last one handed out + 1. The chain
 * is asked for its pending count only when this address has no count here yet, after a release
 * (a failed send: something may be off, e.g. another wallet used the nonce) and when the last
 * count is older than `resyncAfterMilliseconds`; in between, nonces count up locally, so a site
 * paying many times a second does not wait for one RPC round trip per payment, one after the
 * other. A send that fails before broadcast releases its nonce; the next `reserve` reuses the
 * lowest released one (filling the gap a later send would otherwise wait behind). Reservations
 * for one address are serialized; different addresses and chains never wait on each other. In
 * memory only: after a service-worker restart the chain's pending count is the starting point
 * again.
 */
import type { Address } from 'viem';
import { InvalidChainParamsError } from '../../../shared/chains/errors.ts';

export type CreateNonceManagerParameters = {
  /** The chain's `eth_getTransactionCount(address, 'pending')`. */
  getPendingNonce: (parameters: { chainId: number; address: Address }) => Promise<number>;
  /** Epoch milliseconds. */
  now: () => number;
  /** How long a pending count read from the chain is trusted (local counting meanwhile). */
  resyncAfterMilliseconds?: number;
};

export type NonceManagerErrorType = InvalidChainParamsError;

export type NonceManager = {
  reserve: (chainId: number, address: Address) => Promise<number>;
  /** Gives back a reserved nonce whose transaction was never broadcast. Idempotent. */
  release: (chainId: number, address: Address, nonce: number) => void;
};

type AddressNonces = {
  /** The highest nonce handed out and not given back, if any. */
  highest: number | undefined;
  /** Given back below `highest`: handed out again first. */
  released: Set<number>;
  /** The end of the queue of reservations for this address. */
  queue: Promise<unknown>;
  /** When the chain's pending count was last read; undefined: read it on the next reserve. */
  syncedAt: number | undefined;
};

export function createNonceManager({
  getPendingNonce,
  now,
  resyncAfterMilliseconds = 5_000,
}: CreateNonceManagerParameters): NonceManager {
  const nonces = new Map<string, AddressNonces>();
  const entryFor = (chainId: number, address: Address): AddressNonces => {
    const key = `${chainId}:${address.toLowerCase()}`;
    let entry = nonces.get(key);
    if (entry === undefined) {
      entry = {
        highest: undefined,
        released: new Set(),
        queue: Promise.resolve(),
        syncedAt: undefined,
      };
      nonces.set(key, entry);
    }
    return entry;
  };

  const pick = async (chainId: number, address: Address, entry: AddressNonces) => {
    const at = now();
    const isFresh =
      entry.syncedAt !== undefined &&
      at - entry.syncedAt < resyncAfterMilliseconds &&
      entry.highest !== undefined;
    let pending = 0;
    if (!isFresh) {
      pending = await getPendingNonce({ chainId, address });
      assertNonce(pending, 'pendingNonce');
      entry.syncedAt = at;
      // Released nonces the chain has since used (another wallet, a restart) are gone for good.
      for (const nonce of entry.released) if (nonce < pending) entry.released.delete(nonce);
    }
    const lowestReleased = Math.min(...entry.released);
    if (Number.isFinite(lowestReleased)) {
      entry.released.delete(lowestReleased);
      return lowestReleased;
    }
    const next = Math.max(pending, entry.highest === undefined ? 0 : entry.highest + 1);
    entry.highest = next;
    return next;
  };

  return {
    async reserve(chainId, address) {
      assertChainId(chainId);
      // Joins the address's queue before the first await, so reservations keep call order.
      const entry = entryFor(chainId, address);
      const reservation = entry.queue.then(() => pick(chainId, address, entry));
      entry.queue = reservation.catch(() => undefined);
      return await reservation;
    },
    release(chainId, address, nonce) {
      assertChainId(chainId);
      assertNonce(nonce, 'nonce');
      const entry = entryFor(chainId, address);
      if (entry.highest === undefined || nonce > entry.highest) return;
      // A send failed: ask the chain again before the next nonce (it may know better).
      entry.syncedAt = undefined;
      if (nonce < entry.highest) {
        entry.released.add(nonce);
        return;
      }
      // The last one handed out: step back over it and over any released just below it.
      let highest: number | undefined = nonce - 1;
      while (highest !== undefined && entry.released.delete(highest)) {
        highest = highest === 0 ? undefined : highest - 1;
      }
      entry.highest = highest !== undefined && highest >= 0 ? highest : undefined;
    },
  };
}

function assertChainId(chainId: number): void {
  if (!Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new InvalidChainParamsError({
      param: 'chainId',
      expected: 'a positive integer',
      received: chainId,
    });
  }
}

function assertNonce(nonce: number, param: string): void {
  if (!Number.isSafeInteger(nonce) || nonce < 0) {
    throw new InvalidChainParamsError({
      param,
      expected: 'a non-negative integer',
      received: nonce,
    });
  }
}

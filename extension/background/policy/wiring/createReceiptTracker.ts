/**
 * Follows every sent transaction of the spending ledger until the chain says what became of it:
 * mined successfully → settled; reverted → released (nothing moved); its nonce used by a
 * transaction that is not one of its own, or unknown to the node for too long → dropped
 * (released). Replacements share one reservation (same nonce), so whichever is mined counts
 * once and the others are marked replaced. The ledger is on disk, so after a worker restart
 * `poll` picks up where the last worker stopped; the worker polls every `intervalMilliseconds`
 * while anything is pending and keeps a chrome.alarms wake-up (`keepAwake`) for when it sleeps.
 *
 * Trusted: the ledger and the activity log. Not trusted: the node's answers (a receipt status
 * other than 0x0 / 0x1 is no answer; an error is no answer, tried again next time).
 */
import type { Hex } from 'viem';
import type { ActivityStatus } from '../../../../shared/protocol/policyMessages.ts';
import type { Reservation } from '../Reservation.ts';
import type { PolicyController } from './PolicyController.ts';

/** What the tracker reads from one chain (raw JSON-RPC answers). */
export type ReceiptChain = {
  request(method: string, params: readonly unknown[]): Promise<unknown>;
};

export type CreateReceiptTrackerParameters = {
  readonly controller: PolicyController;
  readonly chainFor: (chainId: number) => Promise<ReceiptChain | undefined>;
  readonly now: () => Date;
  /** true while something is pending: keep a periodic alarm; false: clear it. */
  readonly keepAwake?: (isPending: boolean) => void;
  readonly intervalMilliseconds?: number;
  /** A transaction the node never heard of after this long is dropped. */
  readonly droppedAfterMilliseconds?: number;
  /**
   * Reservations whose transaction this worker signed and is still broadcasting (waiting for
   * its turn in nonce order): not looked at until sent, nothing on the chain can be known yet.
   * After a restart the set is empty, so whatever was on its way is followed.
   */
  readonly broadcasting?: ReadonlySet<string>;
};

export type ReceiptTracker = {
  /** Starts polling (if not already) until nothing is pending. */
  watch(): void;
  /**
   * Follows a transaction that spent nothing the ledger counts (a contract call without value),
   * only to mark its activity entry; in memory, so a restart loses it (it spends nothing).
   */
  watchUncounted(parameters: { chainId: number; hash: Hex }): void;
  /** One pass over every pending transaction; resolves with how many are still pending. */
  poll(): Promise<number>;
  stop(): void;
};
export type CreateReceiptTrackerReturnType = ReceiptTracker;

const maxParallel = 16;

export function createReceiptTracker({
  controller,
  chainFor,
  now,
  keepAwake = () => undefined,
  intervalMilliseconds = 1_000,
  droppedAfterMilliseconds = 120_000,
  broadcasting = new Set(),
}: CreateReceiptTrackerParameters): CreateReceiptTrackerReturnType {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Hash → chain of transactions without a reservation, and when they were sent. */
  const uncounted = new Map<Hex, { chainId: number; since: number }>();
  let polling: Promise<number> | undefined;
  let isStopped = false;

  const setStatus = async (hash: Hex, status: ActivityStatus): Promise<void> => {
    const entry = await controller.activity.findByTransaction(hash);
    if (entry === undefined) return;
    await controller.activity.update(entry.id, (stored) => ({
      ...stored,
      status,
      updatedAt: now().getTime(),
    }));
  };

  const follow = async (
    reservation: Reservation,
    readNonceOnce: (
      chainId: number,
      chain: ReceiptChain,
      address: string,
    ) => Promise<number | undefined>,
  ): Promise<void> => {
    const chain = await chainFor(reservation.chainId);
    if (chain === undefined) return;
    const live = reservation.transactions.filter((transaction) => transaction.isDropped !== true);
    const outcomes = await Promise.all(
      live.map(async (transaction) => ({
        transaction,
        status: await readReceiptStatus(chain, transaction.hash),
      })),
    );
    const mined = outcomes.find((outcome) => outcome.status !== undefined);
    const { ledger } = controller;
    if (mined !== undefined) {
      // The activity log reads the outcome from the ledger (readActivityStatus).
      if (mined.status === 'success') await ledger.settle({ hash: mined.transaction.hash });
      else await ledger.releaseTransaction({ hash: mined.transaction.hash, reason: 'reverted' });
      return;
    }
    const first = live[0];
    if (first === undefined) return;
    const confirmedNonce = await readNonceOnce(reservation.chainId, chain, first.from);
    const isNonceTaken = confirmedNonce !== undefined && confirmedNonce > first.nonce;
    let isGone = isNonceTaken;
    if (!isGone && now().getTime() - reservation.updatedAt > droppedAfterMilliseconds) {
      const known = await Promise.all(live.map((transaction) => isKnown(chain, transaction.hash)));
      isGone = known.every((value) => value === false);
    }
    if (!isGone) return;
    // Mined meanwhile? Then the receipt shows next time: only drop what still has none.
    if (isNonceTaken) {
      const again = await Promise.all(
        live.map((transaction) => readReceiptStatus(chain, transaction.hash)),
      );
      if (again.some((status) => status !== undefined)) return;
    }
    for (const transaction of live)
      await ledger.releaseTransaction({ hash: transaction.hash, reason: 'dropped' });
  };

  const followUncounted = async (hash: Hex, chainId: number, since: number): Promise<void> => {
    const chain = await chainFor(chainId);
    if (chain === undefined) return;
    const status = await readReceiptStatus(chain, hash);
    if (status !== undefined) {
      uncounted.delete(hash);
      await setStatus(hash, status === 'success' ? 'confirmed' : 'reverted');
    } else if (now().getTime() - since > droppedAfterMilliseconds) {
      uncounted.delete(hash);
      if ((await isKnown(chain, hash)) === false) await setStatus(hash, 'dropped');
    }
  };

  const poll = (): Promise<number> => {
    polling ??= (async () => {
      try {
        await controller.ready();
        const pending = controller.ledger
          .pending()
          .filter(
            (reservation) =>
              reservation.kind === 'transaction' &&
              reservation.transactions.length > 0 &&
              !broadcasting.has(reservation.id),
          );
        // One confirmed-nonce read per sender and chain per pass, however many it has pending.
        const nonceReads = new Map<string, Promise<number | undefined>>();
        const readNonceOnce = (chainId: number, chain: ReceiptChain, address: string) => {
          const key = `${chainId}:${address.toLowerCase()}`;
          let read = nonceReads.get(key);
          if (read === undefined) {
            read = readNonce(chain, address);
            nonceReads.set(key, read);
          }
          return read;
        };
        const work: (() => Promise<void>)[] = [
          ...pending.map((reservation) => () => follow(reservation, readNonceOnce)),
          ...[...uncounted].map(
            ([hash, { chainId, since }]) =>
              () =>
                followUncounted(hash, chainId, since),
          ),
        ];
        for (let start = 0; start < work.length; start += maxParallel)
          await Promise.all(
            work.slice(start, start + maxParallel).map((run) => run().catch(() => undefined)),
          );
        const stillPending = controller.ledger
          .pending()
          .filter((reservation) => reservation.transactions.length > 0).length;
        return stillPending + uncounted.size;
      } finally {
        polling = undefined;
      }
    })();
    return polling;
  };

  const loop = async (): Promise<void> => {
    timer = undefined;
    const remaining = await poll().catch(() => 1);
    keepAwake(remaining > 0);
    if (remaining > 0 && !isStopped) timer = setTimeout(() => void loop(), intervalMilliseconds);
  };

  const tracker: ReceiptTracker = {
    watch() {
      isStopped = false;
      if (timer !== undefined) return;
      keepAwake(true);
      timer = setTimeout(() => void loop(), Math.min(intervalMilliseconds, 250));
    },
    watchUncounted({ chainId, hash }) {
      uncounted.set(hash, { chainId, since: now().getTime() });
      tracker.watch();
    },
    poll,
    stop() {
      isStopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
  return tracker;
}

async function readReceiptStatus(
  chain: ReceiptChain,
  hash: Hex,
): Promise<'success' | 'reverted' | undefined> {
  try {
    const receipt = (await chain.request('eth_getTransactionReceipt', [hash])) as {
      status?: unknown;
      blockNumber?: unknown;
    } | null;
    if (receipt === null || typeof receipt !== 'object' || receipt.blockNumber === null)
      return undefined;
    if (receipt.status === '0x1') return 'success';
    if (receipt.status === '0x0') return 'reverted';
    return undefined;
  } catch {
    return undefined;
  }
}

async function readNonce(chain: ReceiptChain, address: string): Promise<number | undefined> {
  try {
    const count = await chain.request('eth_getTransactionCount', [address, 'latest']);
    return typeof count === 'string' && /^0x[0-9a-fA-F]{1,16}$/.test(count)
      ? Number.parseInt(count, 16)
      : undefined;
  } catch {
    return undefined;
  }
}

async function isKnown(chain: ReceiptChain, hash: Hex): Promise<boolean | undefined> {
  try {
    return (await chain.request('eth_getTransactionByHash', [hash])) !== null;
  } catch {
    return undefined;
  }
}
